-- CreateTable
CREATE TABLE "User" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'USER',
    "profile" JSONB
);

-- CreateIndex
CREATE UNIQUE INDEX "User_name_key" ON "User"("name");
