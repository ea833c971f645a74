import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);
function s(i,r){let n=i.length;for(;n>0&&r.includes(i[n-1]);)n--;return i.slice(0,n)}export{s as a};
