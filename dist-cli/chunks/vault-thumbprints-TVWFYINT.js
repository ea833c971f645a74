import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);
import{a}from"./chunk-ZP3ZUMDJ.js";import"./chunk-THA7UW2K.js";import"./chunk-MJWUEBVQ.js";import"./chunk-4HYSH3WZ.js";import"./chunk-NLMBYBRB.js";import"./chunk-4BYTCAOE.js";export{a as lookUpVaultThumbprints};
