#pragma once
// SQL of one entity's table, built once from the schema registry: which column holds each
// field, and the statements the write path and reads use.

#include "Store.h"

namespace gamix {

struct Store::Table
{
    explicit Table(const EntityDef &entity);

    const EntityDef &entity;
    QString name; // quoted table name
    QString selectColumns; // rowid, id, updated_at, seq, clocks, then one column per field
    QString insertSql;
    QString updateSql;
    QList<int> phoneFields;

    // Statements owned by the connection's cache, looked up once instead of per row.
    SqliteStmt *insertStmt = nullptr;
    SqliteStmt *updateStmt = nullptr;
    SqliteStmt *selectById = nullptr;
    SqliteStmt *existsById = nullptr; // live (not deleted) record with this id

    static constexpr int kFirstFieldColumn = 5;
    static bool isIntegerType(FieldType type);
};

} // namespace gamix
