import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);
var d="KVCERT_DOCS_URL";function r(i,t,s,n){let e=i??(t&&/^https?:\/\/[^\s/]+/.test(t)?t:void 0)??s;if(e)return e;if(!(!n||n.includes("#")||/^https?:\/\/(www\.)?github\.com\//.test(n)))return n}export{d as a,r as b};
