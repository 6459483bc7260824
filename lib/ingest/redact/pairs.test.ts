import { describe, expect, it } from "vitest";
import { expectRedacted, expectUntouched, fakeBase64, redact } from "./test-support";

describe("password pairs in free text", () => {
  it.each([
    ["login user=bob password=hunter2 from 10.0.0.1", "login user=bob password=[REDACTED:password-pair] from 10.0.0.1"],
    ["auth failed pwd: hunter2 (retry 2)", "auth failed pwd: [REDACTED:password-pair] (retry 2)"],
    ['{"user":"bob","password":"hunter2"}', '{"user":"bob","password":"[REDACTED:password-pair]"}'],
    ['{"user": "bob", "Password" : "hunter2"}', '{"user": "bob", "Password" : "[REDACTED:password-pair]"}'],
    ["{'password': 'hunter2', 'user': 'bob'}", "{'password': '[REDACTED:password-pair]', 'user': 'bob'}"],
    ['{\\"password\\":\\"hunter2\\",\\"user\\":\\"bob\\"}', '{\\"password\\":\\"[REDACTED:password-pair]\\",\\"user\\":\\"bob\\"}'],
    ["MYSQL_ROOT_PASSWORD=hunter2 MYSQL_DATABASE=app", "MYSQL_ROOT_PASSWORD=[REDACTED:password-pair] MYSQL_DATABASE=app"],
    ["GET /login?user=bob&passwd=hunter2&next=/", "GET /login?user=bob&passwd=[REDACTED:password-pair]&next=/"],
    ["mysql -u root --password=hunter2 -e 'select 1'", "mysql -u root --password=[REDACTED:password-pair] -e 'select 1'"],
    ["mysql -u root --password hunter2 -e 'select 1'", "mysql -u root --password [REDACTED:password-pair] -e 'select 1'"],
    ["<User>bob</User><Password>hunter2</Password>", "<User>bob</User><Password>[REDACTED:password-pair]</Password>"],
    ['config { "db_password" => "hunter2" }', 'config { "db_password" => "[REDACTED:password-pair]" }'],
    ['password="correct horse battery staple" user=bob', 'password="[REDACTED:password-pair]" user=bob'],
  ])("%s", (text, expected) => {
    expect(expectRedacted(text, "hunter2", "password-pair")).toBe(expected);
  });

  it("keeps escaped quotes inside a quoted password in the redaction", () => {
    const out = expectRedacted('{"password":"hun\\"ter2","user":"bob"}', 'hun\\"ter2', "password-pair");
    expect(out).toBe('{"password":"[REDACTED:password-pair]","user":"bob"}');
  });

  it("leaves the word password in prose, status words, masks and references alone", () => {
    expectUntouched("Password change requested for user x");
    expectUntouched("User bob changed their password. Password policy: strong");
    expectUntouched("password: changed");
    expectUntouched("Password: ********");
    expectUntouched("password=");
    expectUntouched('{"password": null, "passwordRequired": true}');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${VAR} reference is the input under test
    expectUntouched("password=${DB_PASSWORD} pwd=%PASSWORD%");
    expectUntouched("PasswordLastSet=2023-05-15T03:12:44Z passwordExpired=true PasswordNeverExpires: True");
    expectUntouched("bypass=true compass: north");
    expectUntouched("PWD=/home/alice OLDPWD=/tmp");
    expectUntouched("tests pass: 12 fail: 0");
    expectUntouched("Client=REST;Client=RESTSystem;;");
    expectUntouched("Attributes:\n\tPassword Last Set:\t5/15/2023 3:12:44 AM\n\tPassword: -\n\tUser Account Control: -");
  });

  it("reads a value up to the quote that ends the surrounding JSON string", () => {
    const out = redact(JSON.stringify({ msg: "retry with password=hunter2" })).out;
    expect(JSON.parse(out)).toEqual({ msg: "retry with password=[REDACTED:password-pair]" });
  });
});

describe("connection strings", () => {
  it("runs the value to the next semicolon, blanks included", () => {
    const text = "Server=tcp:db.database.windows.net,1433;Initial Catalog=crm;User ID=sa;Password=my secret pw;Encrypt=True;";
    const out = expectRedacted(text, "my secret pw", "connection-string-password");
    expect(out).toBe(
      "Server=tcp:db.database.windows.net,1433;Initial Catalog=crm;User ID=sa;Password=[REDACTED:connection-string-password];Encrypt=True;",
    );
  });

  it("handles quoted and braced values that contain semicolons", () => {
    expect(expectRedacted('Data Source=db;User Id=app;Password="a;b c";Pooling=true', "a;b c", "connection-string-password")).toBe(
      'Data Source=db;User Id=app;Password="[REDACTED:connection-string-password]";Pooling=true',
    );
    expect(expectRedacted("Driver={ODBC Driver 18};Server=db;Uid=app;Pwd={x;y}z;", "x;y", "connection-string-password")).toBe(
      "Driver={ODBC Driver 18};Server=db;Uid=app;Pwd={[REDACTED:connection-string-password]}z;",
    );
  });

  it("names a password that ends with a semicolon a connection-string password even first in line", () => {
    expectRedacted("Password=hunter2;Host=db;Username=app", "hunter2", "connection-string-password");
  });

  it("does not swallow the rest of a key=value log line that merely uses semicolons", () => {
    expect(redact("result=fail; password=hunter2 src=10.0.0.1").out).toBe("result=fail; password=[REDACTED:password-pair] src=10.0.0.1");
  });
});

describe("Azure storage and Service Bus keys, SAS signatures", () => {
  const accountKey = fakeBase64("account-key", 64);
  const sharedKey = fakeBase64("sb-key", 32);
  const sig = encodeURIComponent(fakeBase64("sas-sig", 32));

  it("replaces AccountKey in a storage connection string", () => {
    expect(accountKey).toHaveLength(88);
    const text = `DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=${accountKey};EndpointSuffix=core.windows.net`;
    expect(expectRedacted(text, accountKey, "azure-storage-key")).toBe(
      "DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=[REDACTED:azure-storage-key];EndpointSuffix=core.windows.net",
    );
  });

  it("replaces SharedAccessKey but keeps the key's name", () => {
    const text = `Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${sharedKey}`;
    expect(expectRedacted(text, sharedKey, "connection-string-password")).toBe(
      "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=[REDACTED:connection-string-password]",
    );
  });

  it("replaces sig= in SAS URLs and SharedAccessSignature tokens, keeping the other parameters", () => {
    const url = `https://contoso.blob.core.windows.net/backups/db.bak?sv=2022-11-02&ss=b&srt=o&sp=r&se=2024-05-01T00:00:00Z&sig=${sig}&spr=https`;
    expect(expectRedacted(url, sig, "azure-sas-signature")).toBe(
      "https://contoso.blob.core.windows.net/backups/db.bak?sv=2022-11-02&ss=b&srt=o&sp=r&se=2024-05-01T00:00:00Z&sig=[REDACTED:azure-sas-signature]&spr=https",
    );
    expectRedacted(
      `SharedAccessSignature sr=https%3a%2f%2fns.servicebus.windows.net&sig=${sig}&se=1715000000&skn=send`,
      sig,
      "azure-sas-signature",
    );
  });

  it("leaves SAS look-alikes alone", () => {
    expectUntouched("sig=1 signature=Valid SignatureStatus=Signed");
    expectUntouched("Microsoft-Windows-Security-Auditing: design sign-in assigned");
  });
});

describe("AWS secret access keys", () => {
  const secret = fakeBase64("aws-secret", 30);

  it.each([
    [`aws_secret_access_key = ${secret}`],
    [`AWS_SECRET_ACCESS_KEY=${secret} aws s3 ls`],
    [`{"AccessKeyId":"ASIAY34FZKBOKMUTVV7A","SecretAccessKey":"${secret}"}`],
    [`aws configure set aws_secret_access_key ${secret}`],
  ])("%s", (text) => {
    const { out, findings } = redact(text);
    expect(out).not.toContain(secret);
    expect(findings.map((f) => f.kind)).toContain("aws-secret-key");
  });

  it("needs an AWS-shaped value when only a blank follows the key name", () => {
    expectUntouched("SecretAccessKey successfully rotated for user deploy");
    expectUntouched("aws_secret_access_key is not set");
  });

  it("keeps the credential scope of a SigV4 Authorization header readable", () => {
    const signature = fakeBase64("sigv4", 32);
    const text = `Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20230705/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=${signature}`;
    expect(redact(text).out).toBe(
      `Authorization: AWS4-HMAC-SHA256 Credential=[REDACTED:aws-access-key-id]/20230705/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=${signature}`,
    );
  });

  it("calls a value of the wrong shape a secret field, and leaves lone 40-character hashes alone", () => {
    expectRedacted("secret_access_key=short-but-still-a-secret", "short-but-still-a-secret", "secret-field");
    expectUntouched("commit 9fceb02d0ae598e95dc970b74767f19372d61af8 by alice");
  });
});

describe("other secret fields in free text", () => {
  const value = "abc8Q~xyzXYZ0123456789abcdEFGH";

  it.each([
    [
      `client_id=app&client_secret=${value}&grant_type=client_credentials`,
      `client_id=app&client_secret=[REDACTED:secret-field]&grant_type=client_credentials`,
    ],
    [`GET /v1/data?api_key=${value}`, `GET /v1/data?api_key=[REDACTED:secret-field]`],
    [`x-api-key: ${value}`, `x-api-key: [REDACTED:secret-field]`],
    [`refresh_token=${value} expires_in=3600`, `refresh_token=[REDACTED:secret-field] expires_in=3600`],
    [`Authorization: SharedKey contoso:${value}`, "Authorization: SharedKey [REDACTED:secret-field]"],
  ])("%s", (text, expected) => {
    expect(expectRedacted(text, value, "secret-field")).toBe(expected);
  });

  it("redacts a Kerberos ticket after Authorization: Negotiate, keeping the scheme", () => {
    const ticket = fakeBase64("krb", 60);
    expect(expectRedacted(`Authorization: Negotiate ${ticket}`, ticket, "secret-field")).toBe(
      "Authorization: Negotiate [REDACTED:secret-field]",
    );
  });

  it("takes a bare Authorization value whole, without mistaking it for a scheme", () => {
    expect(expectRedacted("Authorization: abcdef123456XYZ from 10.0.0.1", "abcdef123456XYZ", "secret-field")).toBe(
      "Authorization: [REDACTED:secret-field] from 10.0.0.1",
    );
    expectUntouched("Authorization: Negotiate");
  });

  it("leaves words under token-like names alone: generated secrets are not dictionary words", () => {
    expectUntouched("token: refreshed successfully");
    expectUntouched("accessToken: acquired, refresh_token: Rotated");
    expectUntouched("client_secret: not-provided api_key: AuthenticationRequired");
  });

  it("leaves identifiers, flags, pagination cursors and hashes alone", () => {
    expectUntouched("uniqueTokenIdentifier: AbCdEf12GhIj34");
    expectUntouched("TokenObjectId=6f1a3b5c-1111-2222-3333-444455556666 tokenIssuerType=AzureAD");
    expectUntouched("token=6f1a3b5c-1111-2222-3333-444455556666");
    expectUntouched("token: expired");
    expectUntouched("token_type=Bearer grant_type=refresh_token");
    expectUntouched(`nextToken=${value} continuationToken=${value}`);
    expectUntouched("sha256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 key=HKLM\\Software\\Run");
    expectUntouched("Registry key modified: HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run");
    expectUntouched("secret: Sauce recipe approved by legal");
    expectUntouched("primaryKey: customer_id publicKey: ssh-ed25519");
    expectUntouched("Loaded System.Management.Automation, Version=3.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35");
    expectUntouched("Credentials: CORP\\bob token: bob@contoso.com");
    expectUntouched("Elevated Token: Yes Token Elevation Type: %%1936 Key Length: 0");
  });
});
