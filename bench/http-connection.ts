// The benchmark's browsers speak HTTP/1.1 over kept-alive sockets with as little of their
// own CPU as they can: the clients share the server's two cores, so what they spend is taken
// from the server's throughput. node:http's client cost them about 0.7 ms per request
// (undici's fetch three times that); writing the request as one string and reading the
// answer's status line, headers and body straight from the socket costs a fraction of it.
// It understands what Outfall answers with: a Content-Length body or a chunked one.
import net from 'node:net';

export interface HttpAnswer {
  status: number;
  location: string | null;
  setCookie: string[] | undefined;
  body: string;
}

const HEADER_END = Buffer.from('\r\n\r\n');

class ProtocolError extends Error {}

interface Parsed {
  status: number;
  headers: Map<string, string[]>;
  bodyStart: number;
}

function parseHead(head: string): Omit<Parsed, 'bodyStart'> {
  const lines = head.split('\r\n');
  const statusMatch = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '');
  if (!statusMatch) throw new ProtocolError(`not an HTTP answer: ${JSON.stringify((lines[0] ?? '').slice(0, 80))}`);
  const headers = new Map<string, string[]>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const values = headers.get(name);
    if (values) values.push(value);
    else headers.set(name, [value]);
  }
  return { status: Number(statusMatch[1]), headers };
}

/** A chunked body's bytes, or null while it is incomplete. */
export function dechunk(buffer: Buffer, start: number): Buffer | null {
  const parts: Buffer[] = [];
  let at = start;
  for (;;) {
    const lineEnd = buffer.indexOf('\r\n', at);
    if (lineEnd < 0) return null;
    const size = Number.parseInt(buffer.toString('latin1', at, lineEnd).split(';')[0]!, 16);
    if (!Number.isFinite(size)) throw new ProtocolError('a chunk without a size');
    // The last chunk, then no trailers: its line's end and one more.
    if (size === 0) return buffer.length >= lineEnd + 4 ? Buffer.concat(parts) : null;
    if (buffer.length < lineEnd + 2 + size + 2) return null;
    parts.push(buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

/** One kept-alive connection to the server; one request at a time, as a browser's. */
class HttpConnection {
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (answer: HttpAnswer) => void; reject: (error: Error) => void } | null = null;
  private parsed: Parsed | null = null;
  closed = false;

  constructor(private readonly socket: net.Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.tryFinish();
    });
    const fail = (error: Error) => {
      this.closed = true;
      const waiting = this.waiting;
      this.waiting = null;
      waiting?.reject(error);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('the server closed the connection')));
  }

  request(text: string): Promise<HttpAnswer> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.buffer = Buffer.alloc(0);
      this.parsed = null;
      this.socket.write(text);
    });
  }

  private tryFinish(): void {
    if (!this.waiting) return;
    try {
      if (!this.parsed) {
        const end = this.buffer.indexOf(HEADER_END);
        if (end < 0) return;
        this.parsed = { ...parseHead(this.buffer.toString('latin1', 0, end)), bodyStart: end + 4 };
      }
      const { status, headers, bodyStart } = this.parsed;
      let body: Buffer | null;
      const length = headers.get('content-length')?.[0];
      if (length !== undefined) {
        const bytes = Number(length);
        if (this.buffer.length < bodyStart + bytes) return;
        body = this.buffer.subarray(bodyStart, bodyStart + bytes);
      } else if (headers.get('transfer-encoding')?.[0]?.toLowerCase() === 'chunked') {
        body = dechunk(this.buffer, bodyStart);
        if (!body) return;
      } else if (status === 204 || status === 304 || status < 200) {
        body = Buffer.alloc(0);
      } else {
        throw new ProtocolError(`an answer (${status}) with neither a length nor chunks`);
      }
      if (headers.get('connection')?.[0]?.toLowerCase() === 'close') {
        this.closed = true;
        this.socket.end();
      }
      const waiting = this.waiting;
      this.waiting = null;
      waiting.resolve({ status, location: headers.get('location')?.[0] ?? null, setCookie: headers.get('set-cookie'), body: body.toString('utf8') });
    } catch (error) {
      this.closed = true;
      this.socket.destroy();
      const waiting = this.waiting;
      this.waiting = null;
      waiting?.reject(error as Error);
    }
  }

  /** An idle connection does not keep the process alive; one in use does. */
  hold(inUse: boolean): void {
    if (inUse) this.socket.ref();
    else this.socket.unref();
  }

  close(): void {
    this.closed = true;
    this.socket.destroy();
  }
}

/** Idle kept-alive connections per host:port, as a browser keeps them. */
const idle = new Map<string, HttpConnection[]>();

function connect(host: string, port: number): Promise<HttpConnection> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port }, () => {
      socket.off('error', reject);
      resolve(new HttpConnection(socket));
    });
    socket.once('error', reject);
  });
}

/** Sends one request and reads its answer whole, over a kept-alive connection. */
export async function send(url: URL, method: 'GET' | 'POST', headers: Record<string, string>, payload: string | undefined): Promise<HttpAnswer> {
  const key = url.host;
  let connection = idle.get(key)?.pop();
  while (connection?.closed) connection = idle.get(key)?.pop();
  connection ??= await connect(url.hostname, Number(url.port || 80));
  connection.hold(true);
  let text = `${method} ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: keep-alive\r\n`;
  for (const [name, value] of Object.entries(headers)) text += `${name}: ${value}\r\n`;
  if (payload !== undefined && headers['content-length'] === undefined) text += `content-length: ${Buffer.byteLength(payload)}\r\n`;
  text += `\r\n${payload ?? ''}`;
  try {
    const answer = await connection.request(text);
    if (!connection.closed) {
      connection.hold(false);
      const list = idle.get(key) ?? [];
      list.push(connection);
      idle.set(key, list);
    }
    return answer;
  } catch (error) {
    connection.close();
    throw error;
  }
}

/** Closes every idle connection (at the end of a run). */
export function closeIdleConnections(): void {
  for (const list of idle.values()) for (const connection of list) connection.close();
  idle.clear();
}
