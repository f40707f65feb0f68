// The PostgreSQL dialect facade (dialect/postgres/dialect.cpp): make_postgres_dialect(),
// declared in dialect/dialect.h, builds it from the flavour, normaliser, renderer and
// introspector of this folder.
#pragma once

#include "dialect/dialect.h"
