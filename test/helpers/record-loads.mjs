// `node --import ./record-loads.mjs …`: appends the URL of every module Node loads to the file
// named by OIT_RECORD_LOADS, so a test can see what a command imports at start.
import { register } from 'node:module';

register('./record-loads-hooks.mjs', import.meta.url);
