import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);
var r=class extends Error{constructor(e){super(e);this.code=e;this.name="CertificateReadError"}};export{r as a};
