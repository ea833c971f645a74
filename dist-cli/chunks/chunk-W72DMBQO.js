import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);
import{a as e,b as i}from"./chunk-NY53T4YO.js";function s(r,t={}){return r.replace(/\{\{(\w+)\}\}/g,(n,o)=>o in t?String(t[o]):n)}function a(r){return(t,n)=>s(r[t]??t,n)}function f(r){return a(r==="ja"?i:e)}export{f as a};
