import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);
import{a}from"./chunk-7N3ZBKID.js";import"./chunk-THA7UW2K.js";import"./chunk-MJWUEBVQ.js";import"./chunk-W72DMBQO.js";import"./chunk-NY53T4YO.js";import"./chunk-NLMBYBRB.js";import"./chunk-4BYTCAOE.js";export{a as lookUpVaultThumbprints};
