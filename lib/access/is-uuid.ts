const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path id is a UUID at all: anything else is a 404 before it reaches the database (which would refuse it with a 500). */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}
