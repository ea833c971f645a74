import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);
var _="0.1.0",e="https://github.com/kvcert/kvcert#readme";export{_ as a,e as b};
