// Step names as Prisma prints them in migration script headers.
#include "diff/step.h"

#include <type_traits>

namespace zen::diff {

const char* step_name(const Step& step) {
  return std::visit(
      [](const auto& s) -> const char* {
        using T = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<T, CreateSchema>) return "CreateSchema";
        else if constexpr (std::is_same_v<T, DropExtension>) return "DropExtension";
        else if constexpr (std::is_same_v<T, CreateExtension>) return "CreateExtension";
        else if constexpr (std::is_same_v<T, AlterExtension>) return "AlterExtension";
        else if constexpr (std::is_same_v<T, AlterSequence>) return "AlterSequence";
        else if constexpr (std::is_same_v<T, CreateEnum>) return "CreateEnum";
        else if constexpr (std::is_same_v<T, AlterEnum>) return "AlterEnum";
        else if constexpr (std::is_same_v<T, DropForeignKey>) return "DropForeignKey";
        else if constexpr (std::is_same_v<T, DropIndex>) return "DropIndex";
        else if constexpr (std::is_same_v<T, AlterTable>) return "AlterTable";
        else if constexpr (std::is_same_v<T, AlterPrimaryKey>) return "AlterPrimaryKey";
        else if constexpr (std::is_same_v<T, DropTable>) return "DropTable";
        else if constexpr (std::is_same_v<T, DropEnum>) return "DropEnum";
        else if constexpr (std::is_same_v<T, CreateTable>) return "CreateTable";
        else if constexpr (std::is_same_v<T, RedefineTables>) return "RedefineTables";
        else if constexpr (std::is_same_v<T, CreateIndex>) return "CreateIndex";
        else if constexpr (std::is_same_v<T, RenameForeignKey>) return "RenameForeignKey";
        else if constexpr (std::is_same_v<T, AddForeignKey>) return "AddForeignKey";
        else if constexpr (std::is_same_v<T, RenameIndex>) return "RenameIndex";
        else return "RedefineIndex";
      },
      step);
}

}  // namespace zen::diff
