import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);
import{a,b,c}from"./chunk-JSZOYIRK.js";import"./chunk-FJUQM6AZ.js";import"./chunk-IIVBKKI4.js";import"./chunk-4BYTCAOE.js";export{a as getDemoEmulator,b as isDemoEmulatorStarted,c as stopDemoEmulator};
