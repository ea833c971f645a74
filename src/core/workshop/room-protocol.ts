/**
 * What a workshop page and the room's server (`npm run workshop`) say to each other. A participant
 * sends only which exercises are done, how many checks it took and the quiz answers, as ids: never
 * template text or anything else typed into the exercises. The facilitator's view receives the
 * room as {@link RoomSnapshot} events.
 */
import type { Lang } from '../i18n/lang.ts';

/**
 * `GET /api/room`: whether this server runs a room (`false` on a plain `npm start`; a static host
 * has no /api at all).
 */
export interface RoomStatus {
	room: boolean;
	/** Whether this browser holds a facilitator session. */
	facilitator: boolean;
	/**
	 * The participants' address `npm run workshop` printed first (`http://192.168.1.20:4321`): a
	 * handout printed on the server's own computer gives its links with it instead of `localhost`.
	 */
	address?: string;
}

/** `POST /api/room/join`: an optional display name. */
export interface RoomJoinRequest {
	name?: string;
	lang: Lang;
	/**
	 * Random, made once by this browser (16–64 base64url characters): joining again with it, or
	 * retrying a join whose answer was lost, keeps the same place in the room instead of a new one.
	 */
	joinKey?: string;
}

/** The answer to a join: the participant's number in the room and the token its reports carry. */
export interface RoomJoinResponse {
	id: string;
	token: string;
	/** The name as the server keeps it (trimmed, control characters removed, shortened). */
	name: string;
}

/** One exercise as a participant reports it. */
export interface ExerciseReport {
	done: boolean;
	/** Checks so far (each Check pressed, or each re-check after an edit pause). */
	attempts: number;
	/** Of those, checks that were not right. */
	failed: number;
}

/** `POST /api/room/progress`: the participant's whole progress so far (each report replaces the last). */
export interface RoomProgressRequest {
	token: string;
	/** By exercise id (`template`, `versions`…). */
	exercises: Record<string, ExerciseReport>;
	/** Quiz answers: question id → option id. */
	answers: Record<string, string>;
}

/** `POST /api/room/leave`: stop being listed. */
export interface RoomLeaveRequest {
	token: string;
}

/** `POST /api/room/facilitator`: the key printed by `npm run workshop`. */
export interface RoomFacilitatorRequest {
	key: string;
}

/** One exercise of one participant, as the facilitator sees it (times in ms since the epoch). */
export interface ExerciseState extends ExerciseReport {
	/** First check. */
	firstAt?: number;
	/** Latest check. */
	lastAt?: number;
	/** When it was first reported done. */
	doneAt?: number;
}

/** One participant, as the facilitator sees it. */
export interface ParticipantState {
	id: string;
	/** Empty when the participant gave none. */
	name: string;
	/** Join order: "Participant 3" when there is no name. */
	number: number;
	lang: Lang;
	joinedAt: number;
	lastSeenAt: number;
	exercises: Record<string, ExerciseState>;
	answers: Record<string, string>;
}

/** The room, as the facilitator's view receives it (the `room` event of `GET /api/room/events`). */
export interface RoomSnapshot {
	/** The server's clock when the snapshot was made (ms since the epoch). */
	now: number;
	participants: ParticipantState[];
	/** Quiz answers of the room: question id → option id → how many chose it. */
	quiz: Record<string, Record<string, number>>;
	/** The most participants the room keeps. */
	capacity: number;
}
