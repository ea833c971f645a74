/** Why certificate bytes could not be read. */
export type CertificateReadErrorCode =
	'password-required' | 'wrong-password' | 'not-a-certificate' | 'too-large';

/** Thrown by `computeThumbprints` and `readPfxCertificates` with a code the UI turns into words. */
export class CertificateReadError extends Error {
	constructor(readonly code: CertificateReadErrorCode) {
		super(code);
		this.name = 'CertificateReadError';
	}
}
