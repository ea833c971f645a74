import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);
import{existsSync as n,mkdirSync as s}from"node:fs";import{dirname as o}from"node:path";function m(t){let i=[];for(let r=t;!n(r)&&(i.unshift(r),o(r)!==r);r=o(r));for(let r of i)s(r)}export{m as a};
