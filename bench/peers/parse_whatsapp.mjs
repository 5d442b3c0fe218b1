// Peer measured by bench/run.sh: whatsapp-chat-parser reading one WhatsApp export.
// Usage: node parse_whatsapp.mjs FILE   -> prints {"messages": N, "parse_seconds": S}
import { readFileSync } from 'node:fs';
import { parseString } from 'whatsapp-chat-parser';

const text = readFileSync(process.argv[2], 'utf8');
const start = performance.now();
const messages = parseString(text);
const seconds = (performance.now() - start) / 1000;
console.log(JSON.stringify({ messages: messages.length, parse_seconds: Number(seconds.toFixed(3)) }));
