/**
 * Fair share of a full pool: the client to take a slot back from is the one holding the most
 * (on a tie, the one whose holding comes first, i.e. the oldest). `holders` lists the client of
 * each held slot, oldest first. A few addresses holding many slots then cannot keep a newcomer out.
 */
export function takeBackFrom(holders: Iterable<string>): string | undefined {
	const counts = new Map<string, number>();
	for (const client of holders) counts.set(client, (counts.get(client) ?? 0) + 1);
	let most: string | undefined;
	let mostCount = 0;
	for (const [client, count] of counts)
		if (count > mostCount) {
			most = client;
			mostCount = count;
		}
	return most;
}
