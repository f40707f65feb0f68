-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Item" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "data" xml,

    CONSTRAINT "Item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GeoRecord" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "extra" xml NOT NULL,
    "parentId" INTEGER,

    CONSTRAINT "GeoRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GeoParent" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "GeoParent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GeoRecordWithDefault" (
    "id" SERIAL NOT NULL,
    "label" TEXT NOT NULL,
    "area" xml NOT NULL DEFAULT '<root/>'::xml,

    CONSTRAINT "GeoRecordWithDefault_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "GeoRecord" ADD CONSTRAINT "GeoRecord_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "GeoParent"("id") ON DELETE SET NULL ON UPDATE CASCADE;
