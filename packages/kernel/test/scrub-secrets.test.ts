import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../src/index.js";
import { scrubSecrets } from "../src/logging/scrub-secrets.js";

describe("secret scrubbing in logs", () => {
  it("redacts secrets at any depth and keeps the rest", () => {
    const input = {
      operationName: "SignIn",
      variables: { input: { email: "a@b.test", password: "hunter2" }, refreshToken: "rt" },
    };
    expect(scrubSecrets(input)).toEqual({
      operationName: "SignIn",
      variables: { input: { email: "a@b.test", password: "[redacted]" }, refreshToken: "[redacted]" },
    });
  });

  it("applies to every line a logger writes", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write: (chunk, _enc, done) => {
        lines.push(String(chunk));
        done();
      },
    });
    createLogger("t", "info", sink).info(
      { headers: { authorization: "Bearer abc.def" }, cardToken: "tok_1" },
      "request",
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/abc\.def|tok_1/);
    expect(lines[0]).toMatch(/"msg":"request"/);
  });
});
