// Generated from stdlib.zmodel; do not edit. Regenerate with
// `ZEN_UPDATE_EXPECT=1 build/tests/analysis_tests -tc='*stdlib*'` (tests/analysis/model_test.cpp checks it).
#include "analysis/stdlib.h"

namespace zen::analysis {

std::string_view stdlib_text() {
  static constexpr std::string_view kText = R"zmodel(// zen's embedded ZModel standard library: the attributes, functions and enums of ZenStack v3's
// standard library and policy plugin, the soft-delete plugin's @deletedAt, the declarations only
// ZenStack v2 has (@password, @omit, future(), email(), ...), and the Prisma native types and
// functions of every provider, so Prisma schemas check clean too. Source of truth for
// stdlib_text.cpp (kept in sync by tests/analysis/model_test.cpp).

/// What happens to referencing records when the referenced record is deleted (`onDelete`) or
/// its referenced fields are updated (`onUpdate`).
enum ReferentialAction {
    /// Deletes (or updates) the referencing records together with the referenced one.
    Cascade
    /// Refuses the delete or update while referencing records exist.
    Restrict
    /// Like `Restrict`; whether the check is deferred depends on the database.
    NoAction
    /// Sets the referencing foreign key fields to NULL.
    SetNull
    /// Sets the referencing foreign key fields to their default values.
    SetDefault
}

/// The kinds of fields an attribute may be applied to (used by `@@@targetField`).
enum AttributeTargetField {
    StringField
    IntField
    BigIntField
    FloatField
    DecimalField
    BooleanField
    DateTimeField
    JsonField
    BytesField
    ModelField
    TypeDefField
    ListField
}

/// The places a function may be called from (used by `@@@expressionContext`).
enum ExpressionContext {
    /// Inside `@default(...)`.
    DefaultValue
    /// Inside `@@allow`, `@@deny`, `@allow` and `@deny`.
    AccessPolicy
    /// Inside `@@validate` and other validation attributes.
    ValidationRule
    /// Inside `@@index(...)`.
    Index
}

/// Index access methods (`@@index(..., type: Gin)`).
enum IndexType {
    BTree
    Hash
    Gist
    Gin
    SpGist
    Brin
}

/// Sort order of an index, unique constraint or primary key column.
enum SortOrder {
    Asc
    Desc
}

/// PostgreSQL operator classes for index columns (`@@index([tags(ops: ArrayOps)], type: Gin)`).
enum IndexOperatorClass {
    ArrayOps
    JsonbOps
    JsonbPathOps
    InetOps
    TextOps
    BitMinMaxOps
    VarBitMinMaxOps
    BpcharBloomOps
    BpcharMinMaxOps
    ByteaBloomOps
    ByteaMinMaxOps
    DateBloomOps
    DateMinMaxOps
    DateMinMaxMultiOps
    Float4BloomOps
    Float4MinMaxOps
    Float4MinMaxMultiOps
    Float8BloomOps
    Float8MinMaxOps
    Float8MinMaxMultiOps
    InetInclusionOps
    InetBloomOps
    InetMinMaxOps
    InetMinMaxMultiOps
    Int2BloomOps
    Int2MinMaxOps
    Int2MinMaxMultiOps
    Int4BloomOps
    Int4MinMaxOps
    Int4MinMaxMultiOps
    Int8BloomOps
    Int8MinMaxOps
    Int8MinMaxMultiOps
    NumericBloomOps
    NumericMinMaxOps
    NumericMinMaxMultiOps
    OidBloomOps
    OidMinMaxOps
    OidMinMaxMultiOps
    TextBloomOps
    TextMinMaxOps
    TextMinMaxMultiOps
    TimestampBloomOps
    TimestampMinMaxOps
    TimestampMinMaxMultiOps
    TimestampTzBloomOps
    TimestampTzMinMaxOps
    TimestampTzMinMaxMultiOps
    TimeBloomOps
    TimeMinMaxOps
    TimeMinMaxMultiOps
    TimeTzBloomOps
    TimeTzMinMaxOps
    TimeTzMinMaxMultiOps
    UuidBloomOps
    UuidMinMaxOps
    UuidMinMaxMultiOps
}

/// SQL Server's `MAX` length for `@db.VarChar(Max)` and friends (ZenStack v2).
enum MSSQLServerTypes {
    Max
}

// ---------------------------------------------------------------------------------------------
// Meta-attributes: used on attribute and function declarations.

/// Restricts the attribute to fields of the listed kinds.
attribute @@@targetField(_ targetField: AttributeTargetField[])

/// Marks the attribute as a data validation rule; calls inside it are in the `ValidationRule` context.
attribute @@@validation()

/// The expression contexts in which the function may be called.
attribute @@@expressionContext(_ context: ExpressionContext[])

/// The attribute is Prisma's own and is copied into the generated Prisma schema.
attribute @@@prisma()

/// Values the editor suggests for the parameter.
attribute @@@completionHint(_ values: String[])

/// The attribute may be applied at most once to the same field or model.
attribute @@@once()

/// At most one field of a model (inherited fields included) may carry the attribute.
attribute @@@onceInModel()

/// The attribute may be used on fields whose type is a `type` declaration (ZenStack v2).
attribute @@@supportTypeDef()

/// Using the attribute produces a deprecation warning with the given message.
attribute @@@deprecated(_ message: String)

// ---------------------------------------------------------------------------------------------
// Functions

/// Reads the value of an environment variable, e.g. `url = env("DATABASE_URL")`.
function env(name: String): String {
}

/// The current date and time.
function now(): DateTime {
} @@@expressionContext([DefaultValue, AccessPolicy, ValidationRule])

/// Generates a UUID. `version` is 4 (default) or 7; `format` is a pattern containing `%s`.
function uuid(version: Int?, format: String?): String {
} @@@expressionContext([DefaultValue])

/// Generates a CUID. `version` is 1 (default) or 2; `format` is a pattern containing `%s`.
function cuid(version: Int?, format: String?): String {
} @@@expressionContext([DefaultValue])

/// Generates a nanoid of the given `length` (default 21); `format` is a pattern containing `%s`.
function nanoid(length: Int?, format: String?): String {
} @@@expressionContext([DefaultValue])

/// Generates a ULID; `format` is a pattern containing `%s`.
function ulid(format: String?): String {
} @@@expressionContext([DefaultValue])

/// An auto-incrementing integer sequence maintained by the database.
function autoincrement(): Int {
} @@@expressionContext([DefaultValue])

/// A default value computed by the database from the given SQL expression, e.g. `dbgenerated("gen_random_uuid()")`.
function dbgenerated(expr: String?): Any {
} @@@expressionContext([DefaultValue])

/// A MongoDB ObjectId generated by the database (Prisma, MongoDB only).
function auto(): Any {
} @@@expressionContext([DefaultValue])

/// A CockroachDB sequence (Prisma, CockroachDB only).
function sequence(virtual: Boolean?, cache: Int?, increment: Int?, minValue: Int?, maxValue: Int?, start: Int?): Int {
} @@@expressionContext([DefaultValue])

/// The current user: an instance of the model (or type) marked `@@auth`, else of `User`; null when anonymous.
function auth(): Any {
} @@@expressionContext([DefaultValue, AccessPolicy])

/// True if the string field contains `search`; case-sensitive unless `caseInSensitive` is true.
function contains(field: String, search: String, caseInSensitive: Boolean?): Boolean {
} @@@expressionContext([AccessPolicy, ValidationRule])

/// True if the field matches the full-text `search` (ZenStack v2; needs Prisma's fullTextSearch).
function search(field: String, search: String): Boolean {
} @@@expressionContext([AccessPolicy])

/// True if the string field starts with `search`; case-sensitive unless `caseInSensitive` is true.
function startsWith(field: String, search: String, caseInSensitive: Boolean?): Boolean {
} @@@expressionContext([AccessPolicy, ValidationRule])

/// True if the string field ends with `search`; case-sensitive unless `caseInSensitive` is true.
function endsWith(field: String, search: String, caseInSensitive: Boolean?): Boolean {
} @@@expressionContext([AccessPolicy, ValidationRule])

/// True if the list field contains `search`.
function has(field: Any[], search: Any): Boolean {
} @@@expressionContext([AccessPolicy, ValidationRule])

/// True if the list field contains every element of `search`.
function hasEvery(field: Any[], search: Any[]): Boolean {
} @@@expressionContext([AccessPolicy, ValidationRule])

/// True if the list field contains at least one element of `search`.
function hasSome(field: Any[], search: Any[]): Boolean {
} @@@expressionContext([AccessPolicy, ValidationRule])

/// True if the list field is empty.
function isEmpty(field: Any[]): Boolean {
} @@@expressionContext([AccessPolicy, ValidationRule])

/// The length of a string field or of a scalar list field.
function length(field: Any): Int {
} @@@expressionContext([ValidationRule])

/// True if the string field matches the regular expression `pattern`.
function regex(field: String, pattern: String): Boolean {
} @@@expressionContext([ValidationRule])

/// True if the string field holds an email address.
function isEmail(field: String): Boolean {
} @@@expressionContext([ValidationRule])

/// True if the string field holds an ISO 8601 date-time.
function isDateTime(field: String): Boolean {
} @@@expressionContext([ValidationRule])

/// True if the string field holds an ISO 8601 date.
function isDate(field: String): Boolean {
} @@@expressionContext([ValidationRule])

/// True if the string field holds an ISO 8601 time, with at most `precision` fractional digits.
function isTime(field: String, precision: Int?): Boolean {
} @@@expressionContext([ValidationRule])

/// True if the string field holds a URL.
function isUrl(field: String): Boolean {
} @@@expressionContext([ValidationRule])

/// True if the string field holds a phone number.
function isPhone(field: String): Boolean {
} @@@expressionContext([ValidationRule])

/// True if the string field holds an email address (ZenStack v2; use `isEmail` in v3).
function email(field: String): Boolean {
} @@@expressionContext([ValidationRule])

/// True if the string field holds an ISO 8601 date-time (ZenStack v2; use `isDateTime` in v3).
function datetime(field: String): Boolean {
} @@@expressionContext([ValidationRule])

/// True if the string field holds a URL (ZenStack v2; use `isUrl` in v3).
function url(field: String): Boolean {
} @@@expressionContext([ValidationRule])

/// Passes raw text through, e.g. an operator class: `@@index([content(ops: raw("gin_trgm_ops"))])`.
function raw(value: String): Any {
} @@@expressionContext([Index])

/// Delegates the access decision to a to-one relation `field`, for `operation` (read, create,
/// update, post-update or delete; defaults to the rule's own operation).
function check(field: Any, operation: String?): Boolean {
} @@@expressionContext([AccessPolicy])

/// The entity as it was before the update; only valid in `post-update` rules.
function before(): Any {
} @@@expressionContext([AccessPolicy])

/// The entity as it will be after the update; only valid in `update` rules (ZenStack v2; v3 uses `post-update` rules and `before()`).
function future(): Any {
} @@@expressionContext([AccessPolicy])

/// The name of the model the rule applies to (the sub-model when inherited); `casing` is
/// original, upper, lower, capitalize or uncapitalize.
function currentModel(casing: String?): String {
} @@@expressionContext([AccessPolicy])

/// The operation the rule is evaluated for (`all` expands to each operation); `casing` is
/// original, upper, lower, capitalize or uncapitalize.
function currentOperation(casing: String?): String {
} @@@expressionContext([AccessPolicy])

// ---------------------------------------------------------------------------------------------
// Field attributes

/// Makes the field the model's primary key.
/// `map`: name of the primary key constraint; `length`, `sort`, `clustered`: index options.
attribute @id(map: String?, length: Int?, sort: SortOrder?, clustered: Boolean?) @@@prisma @@@once

/// The field's default value: a literal, an enum value, or a call such as `now()`, `uuid()`, `autoincrement()` or `auth().id`.
/// `map`: name of the default constraint (SQL Server).
attribute @default(_ value: ContextType, map: String?) @@@prisma @@@once

/// Adds a unique constraint on the field.
/// `map`: name of the constraint; `length`, `sort`, `clustered`: index options.
attribute @unique(map: String?, length: Int?, sort: SortOrder?, clustered: Boolean?) @@@prisma @@@once

/// Describes a relation: `fields` (this model's foreign key fields), `references` (the fields they
/// point to in the related model), referential actions, the foreign key's name (`map`) and a
/// relation `name` that pairs the two sides when a model has several relations to another.
attribute @relation(_ name: String?, fields: FieldReference[]?, references: TransitiveFieldReference[]?, onDelete: ReferentialAction?, onUpdate: ReferentialAction?, map: String?, relationName: String?, createOpposite: Boolean?) @@@prisma

/// Maps the field (or enum value) to a column (or database enum value) with a different name.
attribute @map(_ name: String) @@@prisma

/// Leaves the field out of the client API; migrations still see it.
attribute @ignore() @@@prisma

/// Sets the field to the current time whenever the record is updated. Updates touching only the
/// `ignore` fields leave it unchanged.
attribute @updatedAt(ignore: FieldReference[]?) @@@targetField([DateTimeField]) @@@prisma

/// Omits the field from query results unless it is asked for explicitly.
attribute @omit()

/// Hashes the value with bcrypt before it is stored (ZenStack v2). `saltLength` is the cost
/// factor (default 12); `salt` an explicit salt.
attribute @password(saltLength: Int?, salt: String?) @@@targetField([StringField])

/// Stores a `type` (typedef) field as JSON; required on typedef-typed fields.
attribute @json() @@@targetField([TypeDefField])

/// A field computed at query time; it is not stored and not part of the Prisma schema.
attribute @computed()

/// Attaches metadata to the field.
attribute @meta(_ name: String, _ value: Any)

/// Copies `text` verbatim into the field in the generated Prisma schema.
attribute @prisma.passthrough(_ text: String)

/// Enables fuzzy search on the string field (PostgreSQL).
attribute @fuzzy() @@@targetField([StringField]) @@@once

/// Enables full-text search on the string field (PostgreSQL).
attribute @fullText() @@@targetField([StringField]) @@@once

/// Marks the field that records soft deletion (soft-delete plugin).
attribute @deletedAt() @@@targetField([DateTimeField]) @@@once @@@onceInModel

/// Allows reading or updating the field when `condition` holds.
/// `operation`: comma-separated list of "read", "update" or "all".
/// A third argument is an error code (v3) or, in ZenStack v2, `true` to override model-level rules.
attribute @allow(_ operation: String @@@completionHint(["'read'", "'update'", "'all'"]), _ condition: Boolean, _ errorCode: Any?, override: Boolean?)

/// Denies reading or updating the field when `condition` holds.
/// `operation`: comma-separated list of "read", "update" or "all".
attribute @deny(_ operation: String @@@completionHint(["'read'", "'update'", "'all'"]), _ condition: Boolean, _ errorCode: Any?)

// Validation attributes

/// Validates the length of a string or list field.
attribute @length(_ min: Int?, _ max: Int?, _ message: String?) @@@targetField([StringField, ListField]) @@@validation

/// Validates that the string starts with `text`.
attribute @startsWith(_ text: String, _ message: String?) @@@targetField([StringField]) @@@validation

/// Validates that the string ends with `text`.
attribute @endsWith(_ text: String, _ message: String?) @@@targetField([StringField]) @@@validation

/// Validates that the string contains `text`.
attribute @contains(_ text: String, _ message: String?) @@@targetField([StringField]) @@@validation

/// Validates that the string matches the regular expression.
attribute @regex(_ regex: String, _ message: String?) @@@targetField([StringField]) @@@validation

/// Validates that the string is an email address.
attribute @email(_ message: String?) @@@targetField([StringField]) @@@validation

/// Validates that the string is an ISO 8601 date-time.
attribute @datetime(_ message: String?) @@@targetField([StringField]) @@@validation

/// Validates that the string is an ISO 8601 date.
attribute @date(_ message: String?) @@@targetField([StringField]) @@@validation

/// Validates that the string is an ISO 8601 time with at most `precision` fractional digits.
attribute @time(_ precision: Int?, _ message: String?) @@@targetField([StringField]) @@@validation

/// Validates that the string is a URL.
attribute @url(_ message: String?) @@@targetField([StringField]) @@@validation

/// Validates that the string is a phone number.
attribute @phone(_ message: String?) @@@targetField([StringField]) @@@validation

/// Trims whitespace from both ends of the string before it is stored.
attribute @trim() @@@targetField([StringField]) @@@validation

/// Lower-cases the string before it is stored.
attribute @lower() @@@targetField([StringField]) @@@validation

/// Upper-cases the string before it is stored.
attribute @upper() @@@targetField([StringField]) @@@validation

/// Validates that the number is greater than `value`.
attribute @gt(_ value: Any, _ message: String?) @@@targetField([IntField, FloatField, DecimalField, BigIntField]) @@@validation

/// Validates that the number is greater than or equal to `value`.
attribute @gte(_ value: Any, _ message: String?) @@@targetField([IntField, FloatField, DecimalField, BigIntField]) @@@validation

/// Validates that the number is less than `value`.
attribute @lt(_ value: Any, _ message: String?) @@@targetField([IntField, FloatField, DecimalField, BigIntField]) @@@validation

/// Validates that the number is less than or equal to `value`.
attribute @lte(_ value: Any, _ message: String?) @@@targetField([IntField, FloatField, DecimalField, BigIntField]) @@@validation

// Native database types (`@db.*`): the column type used for the field.

/// Column type TEXT.
attribute @db.Text() @@@targetField([StringField]) @@@prisma
/// Column type CHAR(x).
attribute @db.Char(_ x: Int?) @@@targetField([StringField]) @@@prisma
/// Column type NCHAR(x) (SQL Server).
attribute @db.NChar(_ x: Int?) @@@targetField([StringField]) @@@prisma
/// Column type VARCHAR(x); on SQL Server `x` may be `Max`.
attribute @db.VarChar(_ x: Any?) @@@targetField([StringField]) @@@prisma
/// Column type NVARCHAR(x) (SQL Server); `x` may be `Max`.
attribute @db.NVarChar(_ x: Any?) @@@targetField([StringField]) @@@prisma
/// Column type NTEXT (SQL Server).
attribute @db.NText() @@@targetField([StringField]) @@@prisma
/// Column type STRING(x) (CockroachDB) or string (MongoDB).
attribute @db.String(_ x: Int?) @@@targetField([StringField]) @@@prisma
/// Column type "char" (CockroachDB).
attribute @db.CatalogSingleChar() @@@targetField([StringField]) @@@prisma
/// Column type BIT(x).
attribute @db.Bit(_ x: Int?) @@@targetField([StringField, BooleanField, BytesField]) @@@prisma
/// Column type VARBIT(x).
attribute @db.VarBit(_ x: Int?) @@@targetField([StringField]) @@@prisma
/// Column type UUID.
attribute @db.Uuid() @@@targetField([StringField]) @@@prisma
/// Column type UNIQUEIDENTIFIER (SQL Server).
attribute @db.UniqueIdentifier() @@@targetField([StringField]) @@@prisma
/// Column type XML.
attribute @db.Xml() @@@targetField([StringField]) @@@prisma
/// Column type INET.
attribute @db.Inet() @@@targetField([StringField]) @@@prisma
/// Column type CITEXT.
attribute @db.Citext() @@@targetField([StringField]) @@@prisma
/// Column type TINYTEXT (MySQL).
attribute @db.TinyText() @@@targetField([StringField]) @@@prisma
/// Column type MEDIUMTEXT (MySQL).
attribute @db.MediumText() @@@targetField([StringField]) @@@prisma
/// Column type LONGTEXT (MySQL).
attribute @db.LongText() @@@targetField([StringField]) @@@prisma
/// An ObjectId (MongoDB).
attribute @db.ObjectId() @@@targetField([StringField, BytesField]) @@@prisma
/// Column type BOOLEAN.
attribute @db.Boolean() @@@targetField([BooleanField]) @@@prisma
/// Column type BOOL (CockroachDB).
attribute @db.Bool() @@@targetField([BooleanField]) @@@prisma
/// Column type TINYINT(x) (MySQL, SQL Server).
attribute @db.TinyInt(_ x: Int?) @@@targetField([BooleanField, IntField]) @@@prisma
/// Column type INT.
attribute @db.Int() @@@targetField([IntField]) @@@prisma
/// Column type INTEGER.
attribute @db.Integer() @@@targetField([IntField]) @@@prisma
/// Column type SMALLINT.
attribute @db.SmallInt() @@@targetField([IntField]) @@@prisma
/// Column type OID.
attribute @db.Oid() @@@targetField([IntField]) @@@prisma
/// Column type INT UNSIGNED (MySQL).
attribute @db.UnsignedInt() @@@targetField([IntField]) @@@prisma
/// Column type SMALLINT UNSIGNED (MySQL).
attribute @db.UnsignedSmallInt() @@@targetField([IntField]) @@@prisma
/// Column type MEDIUMINT (MySQL).
attribute @db.MediumInt() @@@targetField([IntField]) @@@prisma
/// Column type MEDIUMINT UNSIGNED (MySQL).
attribute @db.UnsignedMediumInt() @@@targetField([IntField]) @@@prisma
/// Column type TINYINT UNSIGNED (MySQL).
attribute @db.UnsignedTinyInt(_ x: Int?) @@@targetField([BooleanField, IntField]) @@@prisma
/// Column type YEAR (MySQL).
attribute @db.Year() @@@targetField([IntField]) @@@prisma
/// Column type INT4 (CockroachDB).
attribute @db.Int4() @@@targetField([IntField]) @@@prisma
/// Column type INT2 (CockroachDB).
attribute @db.Int2() @@@targetField([IntField]) @@@prisma
/// A 64-bit integer (MongoDB).
attribute @db.Long() @@@targetField([IntField, BigIntField]) @@@prisma
/// Column type BIGINT.
attribute @db.BigInt() @@@targetField([BigIntField]) @@@prisma
/// Column type BIGINT UNSIGNED (MySQL).
attribute @db.UnsignedBigInt() @@@targetField([BigIntField]) @@@prisma
/// Column type INT8 (CockroachDB).
attribute @db.Int8() @@@targetField([BigIntField]) @@@prisma
/// Column type DOUBLE PRECISION.
attribute @db.DoublePrecision() @@@targetField([FloatField, DecimalField]) @@@prisma
/// Column type REAL.
attribute @db.Real() @@@targetField([FloatField, DecimalField]) @@@prisma
/// Column type FLOAT.
attribute @db.Float(_ x: Int?) @@@targetField([FloatField, DecimalField]) @@@prisma
/// Column type DECIMAL(p, s).
attribute @db.Decimal(_ p: Int?, _ s: Int?) @@@targetField([FloatField, DecimalField]) @@@prisma
/// Column type DOUBLE (MySQL, MongoDB).
attribute @db.Double() @@@targetField([FloatField, DecimalField]) @@@prisma
/// Column type MONEY.
attribute @db.Money() @@@targetField([FloatField, DecimalField]) @@@prisma
/// Column type SMALLMONEY (SQL Server).
attribute @db.SmallMoney() @@@targetField([FloatField, DecimalField]) @@@prisma
/// Column type FLOAT8 (CockroachDB).
attribute @db.Float8() @@@targetField([FloatField, DecimalField]) @@@prisma
/// Column type FLOAT4 (CockroachDB).
attribute @db.Float4() @@@targetField([FloatField, DecimalField]) @@@prisma
/// Column type DATETIME(x).
attribute @db.DateTime(_ x: Int?) @@@targetField([DateTimeField]) @@@prisma
/// Column type DATETIME2 (SQL Server).
attribute @db.DateTime2() @@@targetField([DateTimeField]) @@@prisma
/// Column type SMALLDATETIME (SQL Server).
attribute @db.SmallDateTime() @@@targetField([DateTimeField]) @@@prisma
/// Column type DATETIMEOFFSET (SQL Server).
attribute @db.DateTimeOffset() @@@targetField([DateTimeField]) @@@prisma
/// Column type TIMESTAMP(x).
attribute @db.Timestamp(_ x: Int?) @@@targetField([DateTimeField]) @@@prisma
/// Column type TIMESTAMPTZ(x).
attribute @db.Timestamptz(_ x: Int?) @@@targetField([DateTimeField]) @@@prisma
/// Column type DATE.
attribute @db.Date() @@@targetField([DateTimeField]) @@@prisma
/// Column type TIME(x).
attribute @db.Time(_ x: Int?) @@@targetField([DateTimeField]) @@@prisma
/// Column type TIMETZ(x).
attribute @db.Timetz(_ x: Int?) @@@targetField([DateTimeField]) @@@prisma
/// Column type JSON.
attribute @db.Json() @@@targetField([JsonField]) @@@prisma
/// Column type JSONB.
attribute @db.JsonB() @@@targetField([JsonField]) @@@prisma
/// Column type BYTEA.
attribute @db.ByteA() @@@targetField([BytesField]) @@@prisma
/// Column type BYTES (CockroachDB).
attribute @db.Bytes() @@@targetField([BytesField]) @@@prisma
/// Column type LONGBLOB (MySQL).
attribute @db.LongBlob() @@@targetField([BytesField]) @@@prisma
/// Column type BINARY(n).
attribute @db.Binary(_ n: Int?) @@@targetField([BytesField]) @@@prisma
/// Column type VARBINARY(n).
attribute @db.VarBinary(_ n: Any?) @@@targetField([BytesField]) @@@prisma
/// Column type TINYBLOB (MySQL).
attribute @db.TinyBlob() @@@targetField([BytesField]) @@@prisma
/// Column type BLOB (MySQL).
attribute @db.Blob() @@@targetField([BytesField]) @@@prisma
/// Column type MEDIUMBLOB (MySQL).
attribute @db.MediumBlob() @@@targetField([BytesField]) @@@prisma
/// Column type IMAGE (SQL Server).
attribute @db.Image() @@@targetField([BytesField]) @@@prisma
/// Binary data (MongoDB).
attribute @db.BinData() @@@targetField([BytesField]) @@@prisma

// ---------------------------------------------------------------------------------------------
// Model attributes

/// A composite primary key over `fields`, e.g. `@@id([postId, tagId])`.
/// `name`: the client-side name of the compound key; `map`: the constraint name.
attribute @@id(_ fields: FieldReference[], name: String?, map: String?, length: Int?, sort: SortOrder?, clustered: Boolean?) @@@prisma @@@once

/// A unique constraint over `fields`, e.g. `@@unique([email, tenantId])`.
/// `name`: the client-side name of the compound key; `map`: the constraint name.
attribute @@unique(_ fields: FieldReference[], name: String?, map: String?, length: Int?, sort: SortOrder?, clustered: Boolean?) @@@prisma

/// An index over `fields`, e.g. `@@index([createdAt(sort: Desc)], type: BTree)`.
/// `map`: the index name in the database; `type`: the access method.
attribute @@index(_ fields: FieldReference[], name: String?, map: String?, length: Int?, sort: SortOrder?, clustered: Boolean?, type: IndexType?) @@@prisma

/// A full-text index over `fields` (MySQL, MongoDB).
attribute @@fulltext(_ fields: FieldReference[], map: String?) @@@prisma

/// Maps the model (or enum) to a table (or database enum) with a different name.
attribute @@map(_ name: String) @@@prisma

/// Leaves the model out of the client API; migrations still see it.
attribute @@ignore() @@@prisma

/// The database schema (namespace) the model or enum lives in; it must be listed in the datasource's `schemas`.
attribute @@schema(_ map: String) @@@prisma

/// Copies `text` verbatim into the model in the generated Prisma schema.
attribute @@prisma.passthrough(_ text: String)

/// Validates the whole entity with a boolean condition; `path` says where the error is reported.
attribute @@validate(_ value: Boolean, _ message: String?, _ path: String[]?) @@@validation

/// Makes the model a polymorphic base: sub-models `extends` it and `discriminator` records the concrete type.
attribute @@delegate(_ discriminator: FieldReference)

/// The discriminator value stored for this sub-model of a delegate base (defaults to the model name).
attribute @@delegateMap(_ value: Any) @@@once

/// Marks the model (or type) `auth()` returns; at most one per schema. Without it `User` is used.
attribute @@auth()

/// Attaches metadata to the model or type.
attribute @@meta(_ name: String, _ value: Any)

/// Rejects unknown keys when validating values of this type.
attribute @@strict() @@@once @@@validation

/// Allows the operations when `condition` holds.
/// `operation`: comma-separated list of "create", "read", "update", "post-update", "delete" or "all".
/// `errorCode`: attached to the error raised when the rule rejects an operation.
attribute @@allow(_ operation: String @@@completionHint(["'create'", "'read'", "'update'", "'post-update'", "'delete'", "'all'"]), _ condition: Boolean, _ errorCode: Any?)

/// Denies the operations when `condition` holds.
/// `operation`: comma-separated list of "create", "read", "update", "post-update", "delete" or "all".
/// `errorCode`: attached to the error raised when the rule rejects an operation.
attribute @@deny(_ operation: String @@@completionHint(["'create'", "'read'", "'update'", "'post-update'", "'delete'", "'all'"]), _ condition: Boolean, _ errorCode: Any?)
)zmodel";
  return kText;
}

}  // namespace zen::analysis
