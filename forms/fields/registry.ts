import type { Field, FieldOfType, FieldType } from "../types";
import { addressModule } from "./address";
import { choiceModule } from "./choice";
import { dateModule } from "./date";
import { emailModule } from "./email";
import { fastighetsbeteckningModule } from "./fastighetsbeteckning";
import { fileModule } from "./file";
import { groupModule } from "./group";
import type { FieldModule } from "./module";
import { multichoiceModule } from "./multichoice";
import { numberModule } from "./number";
import { organisationsnummerModule } from "./organisationsnummer";
import { personnummerModule } from "./personnummer";
import { phoneModule } from "./phone";
import { textModule } from "./text";
import { textareaModule } from "./textarea";
import { yesnoModule } from "./yesno";

type Registry = { [T in FieldType]: FieldModule<FieldOfType<T>> };

export class UnknownFieldTypeError extends Error {
  constructor(readonly fieldType: unknown) {
    super(`Unknown form field type: ${JSON.stringify(fieldType)}`);
    this.name = "UnknownFieldTypeError";
  }
}

// Built on first use: group.ts imports this module, so the table cannot be built while
// the imports are still being evaluated.
let registry: Registry | undefined;
function table(): Registry {
  registry ??= {
    text: textModule,
    textarea: textareaModule,
    number: numberModule,
    date: dateModule,
    choice: choiceModule,
    multichoice: multichoiceModule,
    yesno: yesnoModule,
    personnummer: personnummerModule,
    organisationsnummer: organisationsnummerModule,
    email: emailModule,
    phone: phoneModule,
    address: addressModule,
    fastighetsbeteckning: fastighetsbeteckningModule,
    file: fileModule,
    group: groupModule,
  };
  return registry;
}

/** The module for a field type. Throws `UnknownFieldTypeError` for anything else. */
export function getFieldModule<T extends FieldType>(type: T): FieldModule<FieldOfType<T>> {
  const modules = table();
  if (typeof type !== "string" || !Object.prototype.hasOwnProperty.call(modules, type)) {
    throw new UnknownFieldTypeError(type);
  }
  return modules[type];
}

/** The module for a field, typed loosely for code that walks any field. */
export function moduleFor(field: Field): FieldModule {
  return getFieldModule(field.type) as FieldModule;
}

export function registeredFieldTypes(): FieldType[] {
  return Object.keys(table()) as FieldType[];
}
