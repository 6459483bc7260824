import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { expectRedacted, expectUntouched, fakeBase64, redact } from "./test-support";
import type { RedactionFinding } from "./types";
import { redactValue } from "./value";

// Real keys, generated per run: the rule must survive the exact formatting OpenSSL and Node emit.
const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 });
const pkcs8 = ec.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const sec1 = ec.privateKey.export({ type: "sec1", format: "pem" }).toString();
const pkcs1 = rsa.privateKey.export({ type: "pkcs1", format: "pem" }).toString();
const encrypted = ec.privateKey.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "pw" }).toString();
const publicKey = ec.publicKey.export({ type: "spki", format: "pem" }).toString();
const body = (pem: string) => pem.split("\n").slice(1, -2).join("\n");
const openssh = `-----BEGIN OPENSSH PRIVATE KEY-----\n${fakeBase64("openssh", 300).replace(/.{70}/g, "$&\n")}\n-----END OPENSSH PRIVATE KEY-----`;
const certificate = `-----BEGIN CERTIFICATE-----\n${fakeBase64("cert", 400).replace(/.{64}/g, "$&\n")}\n-----END CERTIFICATE-----`;

describe("PEM private keys", () => {
  it.each([
    ["PKCS#8", pkcs8, "PRIVATE_KEY"],
    ["SEC1 (EC)", sec1, "EC_PRIVATE_KEY"],
    ["PKCS#1 (RSA)", pkcs1, "RSA_PRIVATE_KEY"],
    ["encrypted PKCS#8", encrypted, "ENCRYPTED_PRIVATE_KEY"],
    ["OpenSSH", openssh, "OPENSSH_PRIVATE_KEY"],
  ])("replaces a whole %s block and names its label in the hint", (_name, pem, label) => {
    const out = expectRedacted(`key loaded:\n${pem.trimEnd()}\nnext line`, body(pem), "pem-private-key");
    expect(out).toBe("key loaded:\n[REDACTED:pem-private-key]\nnext line");
    expect(redact(pem).findings[0]?.hint).toContain(`pem=${label}`);
  });

  it("replaces a block whose newlines are \\n escapes inside JSON text", () => {
    const jsonText = JSON.stringify({ name: "svc", privateKey: pkcs8 });
    const out = expectRedacted(jsonText, body(pkcs8).split("\n")[1] ?? "", "pem-private-key");
    expect(JSON.parse(out)).toEqual({ name: "svc", privateKey: "[REDACTED:pem-private-key]\n" });
  });

  it("replaces a key in a parsed JSON field, with the field's path", () => {
    const findings: RedactionFinding[] = [];
    const out = redactValue({ secret: { value: pkcs1 } }, "raw", findings);
    expect(out).toEqual({ secret: { value: "[REDACTED:pem-private-key]\n" } });
    expect(findings).toEqual([{ field: "raw.secret.value", kind: "pem-private-key", hint: expect.stringMatching(/^sha256:/) }]);
  });

  it("replaces every block in a string, each with its own finding", () => {
    const { out, findings } = redact(`${pkcs8}---\n${sec1}`);
    expect(out).toBe("[REDACTED:pem-private-key]\n---\n[REDACTED:pem-private-key]\n");
    expect(findings.map((f) => f.hint.split(" ")[1])).toEqual(["pem=PRIVATE_KEY", "pem=EC_PRIVATE_KEY"]);
  });

  it("still removes a key whose END line was cut off, but not the text after its body", () => {
    const truncated = pkcs1.slice(0, 400);
    const out = expectRedacted(
      `{"k": "${truncated.replaceAll("\n", "\\n")}", "user": "bob"}`,
      body(pkcs1).slice(80, 200),
      "pem-private-key",
    );
    expect(out).toBe('{"k": "[REDACTED:pem-private-key]", "user": "bob"}');
  });

  it("leaves public keys and certificates alone", () => {
    expectUntouched(publicKey);
    expectUntouched(certificate);
    expectUntouched(`chain:\n${certificate}\n${certificate}`);
    expectUntouched("-----BEGIN PGP SIGNATURE-----\nabc\n-----END PGP SIGNATURE-----");
  });

  it("keeps a certificate next to a key", () => {
    const { out } = redact(`${certificate}\n${pkcs8}`);
    expect(out).toBe(`${certificate}\n[REDACTED:pem-private-key]\n`);
  });

  it("ignores prose that mentions private keys", () => {
    expectUntouched("Private key for cert CN=web01 exported by admin");
    expectUntouched("-----BEGIN private key----- is what a PEM key starts with, in upper case");
  });
});
