// A tiny static server for a built site, for browser tests and the bench: a type by file name,
// `404.html` for missing pages, optional response headers (a CSP, say, or netlify.toml's, which
// may give a file its type), and optional gzip/brotli compression of text, JSON, JS and WASM
// the way hosts compress: by the type the response is sent with. Listens on 127.0.0.1 on a
// free port.

import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { constants, createBrotliCompress, createGzip } from "node:zlib";

export type Compression = "br" | "gzip";

export interface StaticServerOptions {
  /** The built site's folder. */
  root: string;
  /** Extra response headers, for every path or computed per path. */
  headers?: Record<string, string> | ((urlPath: string) => Record<string, string>);
  /** Encodings to offer when the client accepts them, best first. */
  compress?: Compression[];
  /**
   * Brotli's quality: 11 (the most, as for files compressed ahead of time) by default; hosts
   * that compress each response as it goes out may use less.
   */
  brotliQuality?: number;
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>` without a trailing slash. */
  origin: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
};

// Pagefind's data files (`.pf_meta`, `.pf_index`, …, `.pagefind`) have no type a host knows:
// without a header giving them one, they go out as bytes, uncompressed.
function typeOf(file: string): string {
  return TYPES[path.extname(file)] ?? "application/octet-stream";
}

function compressible(type: string): boolean {
  return /^(text\/|application\/(json|xml|wasm|javascript)|image\/svg)/.test(type);
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = path.resolve(options.root);
  const server = createServer((request, response) => {
    serve(request, response, root, options).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function serve(request: IncomingMessage, response: ServerResponse, root: string, options: StaticServerOptions): Promise<void> {
  const urlPath = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
  let file = path.join(root, urlPath);
  if (file !== root && !file.startsWith(root + path.sep)) return send404(response, root, urlPath, options);
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    if (!urlPath.endsWith("/")) {
      response.writeHead(301, { location: `${urlPath}/` });
      response.end();
      return;
    }
    file = path.join(file, "index.html");
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) return send404(response, root, urlPath, options);
  await sendFile(request, response, file, 200, urlPath, options);
}

async function send404(response: ServerResponse, root: string, urlPath: string, options: StaticServerOptions): Promise<void> {
  const page = path.join(root, "404.html");
  if (await stat(page).catch(() => null)) return sendFile(null, response, page, 404, urlPath, options);
  response.writeHead(404, { "content-type": "text/plain" });
  response.end("not found");
}

async function sendFile(
  request: IncomingMessage | null,
  response: ServerResponse,
  file: string,
  status: number,
  urlPath: string,
  options: StaticServerOptions,
): Promise<void> {
  const extra = typeof options.headers === "function" ? options.headers(urlPath) : (options.headers ?? {});
  const headers: Record<string, string> = { "content-type": typeOf(file), "cache-control": "no-cache", ...extra };
  const type = headers["content-type"]!;
  const accepted = String(request?.headers["accept-encoding"] ?? "");
  const encoding = compressible(type) ? options.compress?.find((name) => accepted.includes(name)) : undefined;
  if (encoding) {
    headers["content-encoding"] = encoding;
    headers["vary"] = "accept-encoding";
  }
  response.writeHead(status, headers);
  if (request?.method === "HEAD") return void response.end();
  const body: Readable = createReadStream(file);
  if (encoding === "br") {
    await pipeline(body, createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: options.brotliQuality ?? 11 } }), response);
  } else if (encoding === "gzip") {
    await pipeline(body, createGzip({ level: 9 }), response);
  } else {
    await pipeline(body, response);
  }
}
