import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);
import{d as s}from"./chunk-RPMCTVYB.js";import"./chunk-GWAJSC7M.js";import"./chunk-2PNNF2ZC.js";import"./chunk-EXY235MR.js";import"./chunk-4GTJSBA7.js";import{a as t,b as r}from"./chunk-A7W5S2OE.js";import"./chunk-7MLDH2S5.js";import"./chunk-KBOF5ZQL.js";import"./chunk-F44DDFFM.js";import"./chunk-4BYTCAOE.js";var c={ja:`\u4F7F\u3044\u65B9: kvcert rules [--lang ja|en]

kvcert check \u306E\u30EB\u30FC\u30EB (ID\u3001\u540D\u524D\u3001\u65E2\u5B9A\u306E\u91CD\u5927\u5EA6\u3001\u5185\u5BB9) \u3092\u4E00\u89A7\u8868\u793A\u3057\u307E\u3059\u3002\u5404\u30EB\u30FC\u30EB\u306E\u8AAC\u660E\u306F kvcert explain <ID> \u3067\u8868\u793A\u3067\u304D\u307E\u3059\u3002`,en:`Usage: kvcert rules [--lang ja|en]

Lists kvcert check's rules (id, name, default severity, title). kvcert explain <id> prints a rule's docs.`};async function o(e){let n=t(r(e));return e.includes("--help")||e.includes("-h")?(console.log(c[n]),0):(process.stdout.write(s(n)),0)}export{o as run};
