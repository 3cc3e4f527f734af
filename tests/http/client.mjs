// Raw-socket clients for tests/http/limits.sh: what curl cannot do on
// purpose — send a request slowly, hold connections open, pause an upload
// half way.  Node's standard library only.
//
//   node client.mjs trickle PORT header|body INTERVAL_MS MAX_S
//       send a request a byte at a time; print the seconds until the server
//       closed the connection, or "open" after MAX_S
//   node client.mjs hold PORT N
//       hold N idle connections, then try one GET /; print its status line or
//       "refused"; then close them all and print the status of one more GET /
//   node client.mjs upload PORT COOKIE CSRF FILE GO_FILE
//       POST FILE to /beheer/import; once the server has begun the request
//       (100 Continue), send half of the body, print "half",
//       wait until GO_FILE exists, send the rest; print the status code and
//       the answer's text
import net from 'node:net';
import fs from 'node:fs';

const [mode, portArg, ...rest] = process.argv.slice(2);
const port = Number(portArg);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function connect() {
	return new Promise((resolve, reject) => {
		const s = net.connect(port, '127.0.0.1', () => resolve(s));
		s.on('error', reject);
	});
}

async function trickle(kind, interval, maxS) {
	const s = await connect();
	let closed = false;
	s.on('close', () => { closed = true; });
	s.on('error', () => { closed = true; });
	s.on('data', () => {});
	const t0 = Date.now();
	const head = kind === 'body'
		? 'POST /inloggen HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 60000\r\n\r\n'
		: 'GET / HTTP/1.1\r\nHost: x\r\n';
	s.write(head);
	while (!closed && Date.now() - t0 < maxS * 1000) {
		await sleep(interval);
		if (!closed)
			s.write(kind === 'body' ? 'a' : 'X');
	}
	console.log(closed ? ((Date.now() - t0) / 1000).toFixed(1) : 'open');
	s.destroy();
}

function get(timeoutMs) {
	return new Promise((resolve) => {
		const s = net.connect(port, '127.0.0.1');
		let buf = '';
		const done = (v) => { s.destroy(); resolve(v); };
		s.setTimeout(timeoutMs, () => done('timeout'));
		s.on('connect', () => s.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
		s.on('data', (d) => { buf += d; });
		s.on('error', () => done(buf ? buf.split('\r\n')[0] : 'refused'));
		s.on('close', () => done(buf ? buf.split('\r\n')[0] : 'refused'));
	});
}

async function hold(n) {
	const held = [];
	for (let i = 0; i < n; i++)
		held.push(await connect());
	await sleep(300);
	console.log(await get(3000));
	for (const s of held)
		s.destroy();
	await sleep(500);
	console.log(await get(3000));
}

async function upload(cookie, csrf, file, goFile) {
	const data = fs.readFileSync(file);
	const b = '----tellingtest' + process.pid;
	const pre = Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${csrf}\r\n` +
		`--${b}\r\nContent-Disposition: form-data; name="file"; filename="groot.csv"\r\n` +
		'Content-Type: text/csv\r\n\r\n');
	const post = Buffer.from(`\r\n--${b}--\r\n`);
	const body = Buffer.concat([pre, data, post]);
	const s = await connect();
	let answer = '';
	let closed = false;
	s.on('data', (d) => { answer += d; });
	s.on('close', () => { closed = true; });
	s.on('error', () => { closed = true; });
	s.write(`POST /beheer/import HTTP/1.1\r\nHost: x\r\nCookie: ${cookie}\r\n` +
		`Content-Type: multipart/form-data; boundary=${b}\r\nContent-Length: ${body.length}\r\n` +
		'Expect: 100-continue\r\nConnection: close\r\n\r\n');
	/* "100 Continue" comes once the server has begun the request. */
	while (!closed && !answer.includes('100 Continue'))
		await sleep(20);
	answer = '';
	const half = Math.floor(body.length / 2);
	s.write(body.subarray(0, half));
	console.log('half');
	while (!fs.existsSync(goFile))
		await sleep(50);
	s.write(body.subarray(half));
	const t0 = Date.now();
	while (!closed && Date.now() - t0 < 60000)
		await sleep(50);
	const status = answer.split('\r\n')[0].split(' ')[1] || 'none';
	console.log(status);
	console.log(answer.includes('waarnemingen geïmporteerd') ? 'imported' : 'not imported');
}

if (mode === 'trickle')
	await trickle(rest[0], Number(rest[1]), Number(rest[2]));
else if (mode === 'hold')
	await hold(Number(rest[0]));
else if (mode === 'upload')
	await upload(rest[0], rest[1], rest[2], rest[3]);
else {
	console.error('usage: see the top of client.mjs');
	process.exit(2);
}
