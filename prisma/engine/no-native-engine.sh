#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded on offline machines.
# Haven drives migrations through the WebAssembly engine instead: see README "Database".
echo "Haven: use npm run db:deploy / db:migrate (the native Prisma schema engine is not installed)." >&2
exit 1
