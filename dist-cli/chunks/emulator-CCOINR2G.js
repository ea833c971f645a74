import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);
import{a as y,b as S,c as A}from"./chunk-XSO5MWSQ.js";import{a as T}from"./chunk-7VI2K4IC.js";import{a as b}from"./chunk-KUQTMCJE.js";import"./chunk-EXY235MR.js";import{a as d,b as h}from"./chunk-A7W5S2OE.js";import{a as k}from"./chunk-7MLDH2S5.js";import"./chunk-NLMBYBRB.js";import"./chunk-4BYTCAOE.js";import{mkdtempSync as O,rmSync as _,writeFileSync as P}from"node:fs";import{tmpdir as w}from"node:os";import{join as E}from"node:path";import{parseArgs as M}from"node:util";import{parseArgs as $}from"node:util";var R={en:`Usage:
  kvcert emulator rotate <name> [--emulator-imds URL]
  kvcert emulator disable <name> [--version ID] [--emulator-imds URL]

Changes a running \`kvcert emulator\` through its admin endpoint (loopback only):
  rotate    adds a new version of the certificate (a renewal in Key Vault: new key, new thumbprint)
  disable   disables a version (default: the latest)

Options:
  --emulator-imds URL  The IMDS URL \`kvcert emulator\` printed (http://127.0.0.1:PORT);
                       default KVCERT_EMULATOR_IMDS
  --version ID         The version to disable (32 hex characters)
  --lang ja|en         Language (default from LANG)`,ja:`\u4F7F\u3044\u65B9:
  kvcert emulator rotate <\u540D\u524D> [--emulator-imds URL]
  kvcert emulator disable <\u540D\u524D> [--version ID] [--emulator-imds URL]

\u5B9F\u884C\u4E2D\u306E \`kvcert emulator\` \u3092\u3001\u7BA1\u7406\u30A8\u30F3\u30C9\u30DD\u30A4\u30F3\u30C8 (\u30EB\u30FC\u30D7\u30D0\u30C3\u30AF\u306E\u307F) \u304B\u3089\u64CD\u4F5C\u3057\u307E\u3059\u3002
  rotate    \u8A3C\u660E\u66F8\u306E\u65B0\u3057\u3044\u30D0\u30FC\u30B8\u30E7\u30F3\u3092\u8FFD\u52A0\u3057\u307E\u3059 (Key Vault \u3067\u306E\u66F4\u65B0\u306B\u76F8\u5F53\u3057\u3001\u65B0\u3057\u3044\u30AD\u30FC\u3068\u65B0\u3057\u3044\u62C7\u5370\u306B\u306A\u308A\u307E\u3059)
  disable   \u30D0\u30FC\u30B8\u30E7\u30F3\u3092\u7121\u52B9\u306B\u3057\u307E\u3059 (\u65E2\u5B9A\u3067\u306F\u6700\u65B0\u306E\u30D0\u30FC\u30B8\u30E7\u30F3)

\u30AA\u30D7\u30B7\u30E7\u30F3:
  --emulator-imds URL  \`kvcert emulator\` \u304C\u8868\u793A\u3057\u305F IMDS \u306E URL (http://127.0.0.1:PORT)\u3002
                       \u65E2\u5B9A\u5024\u306F KVCERT_EMULATOR_IMDS \u3067\u3059
  --version ID         \u7121\u52B9\u306B\u3059\u308B\u30D0\u30FC\u30B8\u30E7\u30F3 (16 \u9032\u6570 32 \u6587\u5B57)
  --lang ja|en         \u8A00\u8A9E (\u65E2\u5B9A\u5024\u306F LANG \u304B\u3089\u6C7A\u307E\u308A\u307E\u3059)`},D={en:{noName:"Give the certificate name, e.g. kvcert emulator rotate webcert.",noImds:"Give the IMDS URL that kvcert emulator printed with --emulator-imds (or KVCERT_EMULATOR_IMDS).",notLoopback:"The emulator admin endpoint is reached on loopback only: http://127.0.0.1:PORT or http://[::1]:PORT.",badVersion:"--version must be 32 hexadecimal characters.",unreachable:"No emulator answered at {{url}}. Is kvcert emulator running?",refused:"The emulator refused: {{message}}",rotated:`New version of {{name}}: {{version}}
Thumbprint (SHA-1): {{thumbprint}}`,disabled:"Disabled version {{version}} of {{name}} (thumbprint {{thumbprint}})."},ja:{noName:"\u8A3C\u660E\u66F8\u306E\u540D\u524D\u3092\u6307\u5B9A\u3057\u3066\u304F\u3060\u3055\u3044 (\u4F8B: kvcert emulator rotate webcert)\u3002",noImds:"kvcert emulator \u304C\u8868\u793A\u3057\u305F IMDS \u306E URL \u3092 --emulator-imds (\u307E\u305F\u306F KVCERT_EMULATOR_IMDS) \u3067\u6307\u5B9A\u3057\u3066\u304F\u3060\u3055\u3044\u3002",notLoopback:"\u30A8\u30DF\u30E5\u30EC\u30FC\u30BF\u30FC\u306E\u7BA1\u7406\u30A8\u30F3\u30C9\u30DD\u30A4\u30F3\u30C8\u306B\u306F\u30EB\u30FC\u30D7\u30D0\u30C3\u30AF\u3067\u306E\u307F\u63A5\u7D9A\u3067\u304D\u307E\u3059: http://127.0.0.1:PORT \u307E\u305F\u306F http://[::1]:PORT\u3002",badVersion:"--version \u306B\u306F 16 \u9032\u6570 32 \u6587\u5B57\u3092\u6307\u5B9A\u3057\u3066\u304F\u3060\u3055\u3044\u3002",unreachable:"{{url}} \u3067\u30A8\u30DF\u30E5\u30EC\u30FC\u30BF\u30FC\u304C\u5FDC\u7B54\u3057\u307E\u305B\u3093\u3002kvcert emulator \u304C\u5B9F\u884C\u4E2D\u304B\u78BA\u8A8D\u3057\u3066\u304F\u3060\u3055\u3044\u3002",refused:"\u30A8\u30DF\u30E5\u30EC\u30FC\u30BF\u30FC\u304C\u8981\u6C42\u3092\u62D2\u5426\u3057\u307E\u3057\u305F: {{message}}",rotated:`{{name}} \u306E\u65B0\u3057\u3044\u30D0\u30FC\u30B8\u30E7\u30F3: {{version}}
\u62C7\u5370 (SHA-1): {{thumbprint}}`,disabled:"{{name}} \u306E\u30D0\u30FC\u30B8\u30E7\u30F3 {{version}} (\u62C7\u5370 {{thumbprint}}) \u3092\u7121\u52B9\u306B\u3057\u307E\u3057\u305F\u3002"}},U=/^http:\/\/(?:127\.0\.0\.1|\[::1\]):\d{1,5}\/?$/;async function I(a){let[e,...m]=a,l;try{l=$({args:m,allowPositionals:!0,options:{"emulator-imds":{type:"string"},version:{type:"string"},lang:{type:"string"},help:{type:"boolean",short:"h"}}})}catch(g){let u=d(h(m));return console.error(`kvcert emulator ${e}: ${b(g,u)}

${R[u]}`),2}let{values:o,positionals:s}=l,r=d(o.lang),i=(g,u={})=>k(D[r][g],u),n=(g,u=!1)=>(console.error(`kvcert emulator ${e}: ${g}${u?`

${R[r]}`:""}`),2);if(o.help)return console.log(R[r]),0;let c=s[0];if(!c||s.length>1)return n(i("noName"),!0);let t=o["emulator-imds"]??process.env.KVCERT_EMULATOR_IMDS;if(!t)return n(i("noImds"),!0);if(!U.test(t))return n(i("notLoopback"));if(o.version!==void 0&&(e!=="disable"||!/^[0-9a-f]{32}$/i.test(o.version)))return n(i("badVersion"));let p=new URL(`/kvcert/admin/certificates/${encodeURIComponent(c)}/${e}`,t);o.version&&p.searchParams.set("version",o.version);let f;try{f=await fetch(p,{method:"POST",headers:{[S]:"1"},signal:AbortSignal.timeout(1e4)})}catch{return n(i("unreachable",{url:t}))}let v=await f.json().catch(()=>({}));return f.ok?(console.log(i(e==="rotate"?"rotated":"disabled",{name:v.name??c,version:v.version??"",thumbprint:v.thumbprint??""})),0):n(i("refused",{message:(v.error?.message??String(f.status)).slice(0,300)}))}var L={en:`Usage:
  kvcert emulator [--port N] [--imds-port N] [--seed file.json]
  kvcert emulator rotate|disable <name> --emulator-imds URL   (see kvcert emulator rotate --help)

Runs a local Key Vault (HTTPS, challenge authentication, certificates and secrets API) and a fake
IMDS token endpoint on 127.0.0.1, seeded with the demo vault or the certificates in --seed.

Options:
  --port N        Vault port (default: any free port)
  --imds-port N   IMDS port (default: --port + 1, or any free port)
  --seed file     JSON {"certificates":[{"name","subject","dnsNames","versions":[{"createdDaysAgo","validityDays","enabled"}]}
                  or {"name","import":{"file","password"}}]}
  --lang ja|en    Language (default from KVCERT_LANG, LC_ALL or LANG)`,ja:`\u4F7F\u3044\u65B9:
  kvcert emulator [--port N] [--imds-port N] [--seed file.json]
  kvcert emulator rotate|disable <\u540D\u524D> --emulator-imds URL   (\u8A73\u3057\u304F\u306F kvcert emulator rotate --help)

Key Vault \u306E\u30A8\u30DF\u30E5\u30EC\u30FC\u30BF\u30FC (HTTPS\u3001\u30C1\u30E3\u30EC\u30F3\u30B8\u8A8D\u8A3C\u3001\u8A3C\u660E\u66F8\u3068\u30B7\u30FC\u30AF\u30EC\u30C3\u30C8\u306E API) \u3068\u3001IMDS \u306E
\u30C8\u30FC\u30AF\u30F3 \u30A8\u30F3\u30C9\u30DD\u30A4\u30F3\u30C8\u3092\u6A21\u3057\u305F\u30B5\u30FC\u30D0\u30FC\u3092 127.0.0.1 \u3067\u8D77\u52D5\u3057\u307E\u3059\u3002\u521D\u671F\u30C7\u30FC\u30BF\u306F\u30C7\u30E2\u7528 Key Vault \u306E
\u8A3C\u660E\u66F8\u3001\u307E\u305F\u306F --seed \u3067\u6307\u5B9A\u3057\u305F\u8A3C\u660E\u66F8\u3067\u3059\u3002

\u30AA\u30D7\u30B7\u30E7\u30F3:
  --port N        Key Vault \u30A8\u30DF\u30E5\u30EC\u30FC\u30BF\u30FC\u306E\u30DD\u30FC\u30C8 (\u65E2\u5B9A: \u7A7A\u3044\u3066\u3044\u308B\u4EFB\u610F\u306E\u30DD\u30FC\u30C8)
  --imds-port N   IMDS \u306E\u30DD\u30FC\u30C8 (\u65E2\u5B9A: --port + 1\u3001\u307E\u305F\u306F\u7A7A\u3044\u3066\u3044\u308B\u4EFB\u610F\u306E\u30DD\u30FC\u30C8)
  --seed file     JSON {"certificates":[{"name","subject","dnsNames","versions":[{"createdDaysAgo","validityDays","enabled"}]}
                  \u307E\u305F\u306F {"name","import":{"file","password"}}]}
  --lang ja|en    \u8A00\u8A9E (\u65E2\u5B9A: \u74B0\u5883\u5909\u6570 KVCERT_LANG\u3001LC_ALL\u3001LANG \u304B\u3089)`},V={en:"ports are numbers from 1 to 65535",ja:"\u30DD\u30FC\u30C8\u306B\u306F 1 \u304B\u3089 65535 \u307E\u3067\u306E\u6570\u5024\u3092\u6307\u5B9A\u3057\u3066\u304F\u3060\u3055\u3044"};function N(a){if(a===void 0)return;let e=Number(a);return Number.isInteger(e)&&e>0&&e<65536?e:"invalid"}async function ee(a){if(a[0]==="rotate"||a[0]==="disable")return I(a);let e;try{e=M({args:a,options:{port:{type:"string"},"imds-port":{type:"string"},seed:{type:"string"},lang:{type:"string"},help:{type:"boolean",short:"h"}}}).values}catch(t){let p=d(h(a));return console.error(`kvcert emulator: ${b(t,p)}

${L[p]}`),2}let m=d(e.lang);if(e.help)return console.log(L[m]),0;let l=N(e.port),o=N(e["imds-port"]);if(l==="invalid"||o==="invalid")return console.error(`kvcert emulator: ${V[m]}

${L[m]}`),2;let s=T(m),r;try{let t=e.seed?y(e.seed):void 0;r=await A({...l?{port:l}:{},...o?{imdsPort:o}:{},...t?{seed:t.seed,seedBaseDir:t.baseDir}:{}})}catch(t){return console.error(`kvcert emulator: ${t.message}`),2}let i=O(E(w(),"kvcert-emulator-")),n=E(i,"ca.pem");P(n,r.caPem);let c=r.store.list().map(t=>t.name);return console.log([s("kvcert.thumbprint.cli.emulatorStarted"),"",`  ${s("kvcert.thumbprint.cli.emulatorVault")}: ${r.vaultUrl}`,`  ${s("kvcert.thumbprint.cli.emulatorImds")}: ${r.imdsUrl}`,`  ${s("kvcert.thumbprint.cli.emulatorCa")}: ${n}`,`  ${s("kvcert.thumbprint.cli.emulatorCertificates")}: ${c.join(", ")}`,"",s("kvcert.thumbprint.cli.emulatorTryCli"),`  kvcert thumbprint --vault ${r.vaultUrl} --name ${c[0]??"webcert"} --emulator-ca ${n} --emulator-imds ${r.imdsUrl}`,"",s("kvcert.thumbprint.cli.emulatorTrySdk"),`  NODE_EXTRA_CA_CERTS=${n} AZURE_POD_IDENTITY_AUTHORITY_HOST=${r.imdsUrl} NO_PROXY=127.0.0.1 node app.js`].join(`
`)),await new Promise(t=>{process.once("SIGINT",t),process.once("SIGTERM",t)}),await r.close(),_(i,{recursive:!0,force:!0}),0}export{ee as run};
