import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);
var n=/\{\{(\w+)\}\}/g;function g(t,r={}){return t.replace(n,(s,e)=>Object.hasOwn(r,e)?String(r[e]):s)}function i(t){return[...t.matchAll(n)].map(r=>r[1]).sort()}export{g as a,i as b};
