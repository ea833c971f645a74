import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);
import{a}from"./chunk-BNXFTOXO.js";import"./chunk-DRMDJYIG.js";import"./chunk-MQ2KZX3H.js";import"./chunk-D6S6QVOK.js";import"./chunk-6NAWOKND.js";import"./chunk-NLMBYBRB.js";import"./chunk-4BYTCAOE.js";export{a as lookUpVaultThumbprints};
