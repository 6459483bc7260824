import { readFileSync } from "node:fs";
import path from "node:path";
import internals from "@prisma/internals";
import type { SqlRunner } from "./sql";

type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type DmmfEnum = { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] };

type Column = { table_name: string; column_name: string; udt_name: string; is_nullable: string; datetime_precision: number | null };

// The Postgres type each Prisma scalar (with its @db native type) must be stored as.
function expectedUdt(field: DmmfField, enums: Map<string, string>): string {
  if (field.kind === "enum") return enums.get(field.type) ?? field.type;
  const native = field.nativeType?.[0];
  const byNative: Record<string, string> = {
    Uuid: "uuid",
    Char: "bpchar",
    VarChar: "varchar",
    Text: "text",
    Inet: "inet",
    Timestamptz: "timestamptz",
    Timestamp: "timestamp",
    Date: "date",
    JsonB: "jsonb",
    Json: "json",
    Integer: "int4",
    BigInt: "int8",
    SmallInt: "int2",
  };
  if (native && byNative[native]) return byNative[native];
  const byType: Record<string, string> = {
    String: "text",
    Int: "int4",
    BigInt: "int8",
    Boolean: "bool",
    DateTime: "timestamp",
    Json: "jsonb",
    Float: "float8",
    Decimal: "numeric",
    Bytes: "bytea",
  };
  return byType[field.type] ?? `?${field.type}`;
}

/** Reads schema.prisma's models and enums through Prisma's own parser. */
export async function loadPrismaModel(schemaPath = path.join(process.cwd(), "prisma", "schema.prisma")) {
  const { getDMMF } = internals as unknown as {
    getDMMF(o: { datamodel: string }): Promise<{ datamodel: { models: DmmfModel[]; enums: DmmfEnum[] } }>;
  };
  const dmmf = await getDMMF({ datamodel: readFileSync(schemaPath, "utf8") });
  return dmmf.datamodel;
}

/**
 * Lists every disagreement between schema.prisma and the migrated database: a model without
 * its table, a field without its column or with an incompatible type or nullability, a column
 * the schema does not know, an enum whose values differ. Empty means they agree.
 */
export async function compareSchemaWithDatabase(sql: SqlRunner, model: { models: DmmfModel[]; enums: DmmfEnum[] }): Promise<string[]> {
  const problems: string[] = [];
  const enumDbNames = new Map(model.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const columns = await sql.query<Column>(
    `SELECT table_name::text, column_name::text, udt_name::text, is_nullable::text, datetime_precision::int
     FROM information_schema.columns WHERE table_schema = current_schema()`,
  );
  const byTable = new Map<string, Map<string, Column>>();
  for (const c of columns) {
    if (!byTable.has(c.table_name)) byTable.set(c.table_name, new Map());
    byTable.get(c.table_name)?.set(c.column_name, c);
  }

  for (const m of model.models) {
    const table = m.dbName ?? m.name;
    const cols = byTable.get(table);
    if (!cols) {
      problems.push(`${m.name}: table ${table} is missing`);
      continue;
    }
    const known = new Set<string>();
    for (const f of m.fields.filter((x) => x.kind === "scalar" || x.kind === "enum")) {
      const colName = f.dbName ?? f.name;
      known.add(colName);
      const col = cols.get(colName);
      if (!col) {
        problems.push(`${m.name}.${f.name}: column ${table}.${colName} is missing`);
        continue;
      }
      const base = expectedUdt(f, enumDbNames);
      const want = f.isList ? `_${base}` : base;
      if (col.udt_name !== want) problems.push(`${m.name}.${f.name}: ${table}.${colName} is ${col.udt_name}, schema.prisma wants ${want}`);
      const wantNullable = f.isRequired || f.isList ? "NO" : "YES";
      if (col.is_nullable !== wantNullable) {
        problems.push(
          `${m.name}.${f.name}: ${table}.${colName} is ${col.is_nullable === "YES" ? "nullable" : "NOT NULL"}, schema.prisma says ${f.isRequired ? "required" : "optional"}`,
        );
      }
      const precision = f.nativeType?.[0] === "Timestamptz" ? Number(f.nativeType[1][0] ?? 6) : null;
      if (precision !== null && col.datetime_precision !== precision) {
        problems.push(
          `${m.name}.${f.name}: ${table}.${colName} keeps ${col.datetime_precision} fractional digits, schema.prisma wants ${precision}`,
        );
      }
    }
    for (const colName of cols.keys()) {
      if (!known.has(colName)) problems.push(`${m.name}: column ${table}.${colName} is not in schema.prisma`);
    }
  }

  const dbEnums = await sql.query<{ name: string; labels: string[] }>(
    `SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = current_schema() GROUP BY t.typname`,
  );
  const labelsByName = new Map(dbEnums.map((e) => [e.name, e.labels]));
  for (const e of model.enums) {
    const dbName = e.dbName ?? e.name;
    const labels = labelsByName.get(dbName);
    const want = e.values.map((v) => v.dbName ?? v.name);
    if (!labels) problems.push(`enum ${e.name}: type ${dbName} is missing`);
    else if (labels.join(",") !== want.join(","))
      problems.push(`enum ${e.name}: ${dbName} has (${labels.join(", ")}), schema.prisma wants (${want.join(", ")})`);
  }
  return problems;
}
