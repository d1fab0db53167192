import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import busboy from "busboy";
import { AppError } from "@/server/lib/errors";

/** JSON bodies (chat messages, ratings, API calls) are a few kB; this leaves room for 4,000 escaped characters and more. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} kB`);

/** A declared Content-Length over the limit is refused before a byte is read. */
function assertDeclaredSize(request: Request, maxBytes: number, tooLarge: string) {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw new AppError("payload_too_large", tooLarge);
}

/**
 * The request's body, read with a byte counter: past `maxBytes` the stream is cancelled and the
 * request refused (413), whether or not it declared its length, so an endless or lying body never
 * fills memory.
 */
export async function readBodyLimited(request: Request, maxBytes: number, tooLarge: string): Promise<Uint8Array<ArrayBuffer>> {
  assertDeclaredSize(request, maxBytes, tooLarge);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      void discardRest(reader, maxBytes);
      throw new AppError("payload_too_large", tooLarge);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * After a refusal: reads and drops up to `budget` more bytes, then cancels the body. A client still
 * sending a body a little over the limit then finishes and reads the 413 (cut off at once, it would
 * see a reset connection instead); a far larger body is cut off. Nothing is kept.
 */
async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>, budget: number): Promise<void> {
  try {
    for (let left = budget; left > 0; ) {
      const { done, value } = await reader.read();
      if (done) return;
      left -= value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The client went away: nothing left to drop.
  }
}

/** The request's JSON body, or 400 naming the problem (413 past `maxBytes`). */
export async function readJsonLimited(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const bytes = await readBodyLimited(request, maxBytes, `The request body is larger than ${maxBytes / 1024} kB.`);
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new AppError("bad_request", "The request body must be JSON.");
  }
}

export interface MultipartLimits {
  maxFiles: number;
  maxFileBytes: number;
  maxTotalBytes: number;
  /** Text fields: how many, and how long each. */
  maxFields?: number;
  maxFieldBytes?: number;
}

export interface MultipartForm {
  fields: Map<string, string>;
  files: { field: string; name: string; bytes: Uint8Array<ArrayBuffer> }[];
}

/**
 * A multipart/form-data body, parsed while it streams in (busboy): the file count, each file's bytes
 * and the total are counted as they arrive, and the request is refused (413) at the first one over its
 * limit, before the rest is read. Nothing is handed to the caller until the whole form is within limits.
 */
export async function readMultipartLimited(request: Request, limits: MultipartLimits): Promise<MultipartForm> {
  const { maxFiles, maxFileBytes, maxTotalBytes, maxFields = 50, maxFieldBytes = 10_000 } = limits;
  const tooLargeTotal = `The upload is larger than ${sizeText(maxTotalBytes)} in total; send fewer or smaller files at a time.`;
  assertDeclaredSize(request, maxTotalBytes, tooLargeTotal);
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(contentType) || !request.body) throw new AppError("bad_request", "Send the files as multipart/form-data.");

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      // busboy reports a file that reaches fileSize, so one byte more is what makes it too large.
      limits: { files: maxFiles, fileSize: maxFileBytes + 1, fields: maxFields, fieldSize: maxFieldBytes, parts: maxFiles + maxFields },
    });
  } catch {
    throw new AppError("bad_request", "Send the files as multipart/form-data.");
  }
  const body = Readable.fromWeb(request.body as unknown as NodeWebStream<Uint8Array>);

  return new Promise<MultipartForm>((resolve, reject) => {
    const form: MultipartForm = { fields: new Map(), files: [] };
    let total = 0;
    let failed = false;
    const fail = (error: AppError) => {
      if (failed) return;
      failed = true;
      // Stop parsing: the rest of the body is dropped as it comes (up to the total limit again, as in
      // discardRest, so the client can read the 413), then the request is cut off.
      body.unpipe(parser);
      let left = maxTotalBytes;
      body.on("data", (chunk: Buffer) => {
        left -= chunk.length;
        if (left <= 0) body.destroy();
      });
      body.resume();
      reject(error);
    };
    parser.on("file", (field, stream, info) => {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        total += chunk.length;
        if (total > maxTotalBytes) return fail(new AppError("payload_too_large", tooLargeTotal));
        chunks.push(chunk);
      });
      stream.on("limit", () => fail(new AppError("payload_too_large", `${info.filename || "A file"} is larger than ${sizeText(maxFileBytes)}; the limit is ${sizeText(maxFileBytes)} per file.`)));
      stream.on("end", () => {
        if (!failed && size <= maxFileBytes) form.files.push({ field, name: info.filename ?? "", bytes: Buffer.concat(chunks) });
      });
    });
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated) return fail(new AppError("payload_too_large", `The form field ${name} is longer than ${maxFieldBytes} bytes.`));
      form.fields.set(name, value);
    });
    parser.on("filesLimit", () => fail(new AppError("payload_too_large", `At most ${maxFiles} files can be uploaded at a time; send the rest in another upload.`)));
    parser.on("fieldsLimit", () => fail(new AppError("payload_too_large", `The form has more than ${maxFields} fields.`)));
    parser.on("partsLimit", () => fail(new AppError("payload_too_large", `The form has more than ${maxFiles + maxFields} parts.`)));
    parser.on("error", () => fail(new AppError("bad_request", "The multipart/form-data body could not be read; send the files again.")));
    parser.on("close", () => {
      if (!failed) resolve(form);
    });
    body.on("error", () => fail(new AppError("bad_request", "The upload was interrupted; send the files again.")));
    body.pipe(parser);
  });
}
