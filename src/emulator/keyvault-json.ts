import { createHash } from 'node:crypto';
import { buildPfx } from './pfx.ts';
import {
	validityOf,
	type CertificatePolicy,
	type StoredCertificate,
	type StoredVersion,
} from './vault-store.ts';

/**
 * JSON bodies exactly as Key Vault sends them (research/keyvault-sdk.md §6): Unix-second dates,
 * base64url x5t, standard base64 cer, absolute ids built from the request's own origin.
 */

/** SHA-1 of the DER certificate, base64url without padding: Key Vault's `x5t`. */
export function x5tOf(der: Buffer): string {
	return createHash('sha1').update(der).digest('base64url');
}

function attributesOf(version: StoredVersion, withRecovery: boolean) {
	const { nbf, exp } = validityOf(version.der);
	return {
		enabled: version.enabled,
		nbf,
		exp,
		created: version.created,
		updated: version.updated,
		...(withRecovery ? { recoveryLevel: 'Recoverable+Purgeable', recoverableDays: 90 } : {}),
	};
}

/** The policy with its absolute id. */
export function policyJson(origin: string, certificate: StoredCertificate) {
	return { id: `${origin}/certificates/${certificate.name}/policy`, ...certificate.policy };
}

/** CertificateBundle: `get` (with policy) and `get version` (without). */
export function certificateBundle(
	origin: string,
	certificate: StoredCertificate,
	version: StoredVersion,
	withPolicy: boolean
) {
	const path = `${certificate.name}/${version.version}`;
	return {
		id: `${origin}/certificates/${path}`,
		kid: `${origin}/keys/${path}`,
		sid: `${origin}/secrets/${path}`,
		x5t: x5tOf(version.der),
		cer: version.der.toString('base64'),
		attributes: attributesOf(version, true),
		tags: version.tags,
		...(withPolicy
			? {
					policy: policyJson(origin, certificate),
					pending: { id: `${origin}/certificates/${certificate.name}/pending` },
				}
			: {}),
	};
}

/** CertificateItem, as in the versions list. */
export function certificateItem(
	origin: string,
	certificate: StoredCertificate,
	version: StoredVersion
) {
	return {
		id: `${origin}/certificates/${certificate.name}/${version.version}`,
		x5t: x5tOf(version.der),
		attributes: attributesOf(version, false),
		tags: version.tags,
		subject: '',
	};
}

/** CertificateItem in the list of all certificates: a base id, no version. */
export function certificateListItem(
	origin: string,
	certificate: StoredCertificate,
	latest: StoredVersion
) {
	return {
		...certificateItem(origin, certificate, latest),
		id: `${origin}/certificates/${certificate.name}`,
	};
}

const pem = (label: string, der: Buffer) =>
	`-----BEGIN ${label}-----\n${der
		.toString('base64')
		.replace(/.{64}/g, '$&\n')
		.replace(/\n?$/, '\n')}-----END ${label}-----\n`;

/** The secret value the VM extension downloads: base64 PFX (empty password) or PEM text. */
export function secretValue(policy: CertificatePolicy, version: StoredVersion): string {
	const certificates = [version.der, ...version.chain];
	if (policy.secret_props.contentType === 'application/x-pem-file') {
		const key = version.privateKey
			? pem('PRIVATE KEY', version.privateKey.export({ format: 'der', type: 'pkcs8' }))
			: '';
		return key + certificates.map((der) => pem('CERTIFICATE', der)).join('');
	}
	return buildPfx({ certificates, privateKey: version.privateKey }).toString('base64');
}

/** SecretBundle for a certificate's backing secret (`managed: true`). */
export function secretBundle(
	origin: string,
	certificate: StoredCertificate,
	version: StoredVersion,
	value: string
) {
	const path = `${certificate.name}/${version.version}`;
	return {
		value,
		contentType: certificate.policy.secret_props.contentType,
		id: `${origin}/secrets/${path}`,
		managed: true,
		attributes: attributesOf(version, true),
		tags: version.tags,
		kid: `${origin}/keys/${path}`,
	};
}

/** SecretItem in the list of a secret's versions (`GET /secrets/{name}/versions`): no value. */
export function secretVersionItem(
	origin: string,
	certificate: StoredCertificate,
	version: StoredVersion
) {
	return {
		id: `${origin}/secrets/${certificate.name}/${version.version}`,
		contentType: certificate.policy.secret_props.contentType,
		managed: true,
		attributes: attributesOf(version, true),
		tags: version.tags,
	};
}

/** Key Vault's error body. */
export function errorBody(code: string, message: string, innerCode?: string) {
	return { error: { code, message, ...(innerCode ? { innererror: { code: innerCode } } : {}) } };
}

const recoverHint =
	'If you recently deleted this certificate you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182';

/** 404 for an unknown certificate or version (text from a real Key Vault recording). */
export function certificateNotFound(name: string) {
	return errorBody(
		'CertificateNotFound',
		`A certificate with (name/id) ${name} was not found in this key vault. ${recoverHint}`
	);
}

/** 404 for an unknown secret. */
export function secretNotFound(name: string) {
	return errorBody(
		'SecretNotFound',
		`A secret with (name/id) ${name} was not found in this key vault. ${recoverHint.replace('certificate', 'secret')}`
	);
}
