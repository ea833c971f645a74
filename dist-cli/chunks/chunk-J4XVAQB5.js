import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);
function $(i){return i.reduce((n,r)=>n?`${n}${/[。！？]$/.test(n)?"":" "}${r}`:r,"")}export{$ as a};
