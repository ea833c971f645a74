/** The sample listing: two versions of one certificate after a renewal, the old one listed first. */
export const sampleListing = `Subject       : CN=www.contoso.test, O=Contoso
Issuer        : CN=www.contoso.test, O=Contoso
Thumbprint    : 8A1F3C0D9B7E26F4A5C3B2D1E0F9A8B7C6D5E4F3
FriendlyName  :
NotBefore     : 3/10/2025 9:00:00 AM
NotAfter      : 3/10/2026 9:00:00 AM
HasPrivateKey : True

Subject       : CN=www.contoso.test, O=Contoso
Issuer        : CN=www.contoso.test, O=Contoso
Thumbprint    : 2C9E5B7A1D3F4E6C8B0A9F1E2D3C4B5A69788796
FriendlyName  :
NotBefore     : 2/8/2026 9:00:00 AM
NotAfter      : 2/8/2027 9:00:00 AM
HasPrivateKey : True

Subject       : CN=www.contoso.test, O=Contoso
Issuer        : CN=www.contoso.test, O=Contoso
Thumbprint    : F0E1D2C3B4A5968778695A4B3C2D1E0F1A2B3C4D
FriendlyName  :
NotBefore     : 4/1/2026 9:00:00 AM
NotAfter      : 4/1/2027 9:00:00 AM
HasPrivateKey : True`;

/** The VM time the sample is meant for. */
export const sampleNow = '2026-03-01T12:00';
/** The subject the sample uses. */
export const sampleSubject = 'CN=www.contoso.test, O=Contoso';
