#!/bin/sh
echo "Prisma's schema engine is not installed here (no internet). Migrations are applied by: npm run chainline -- db migrate" >&2
exit 1
