import type { ApolloServerPlugin } from '@apollo/server';
import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  GraphQLError,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** graphql-armor's weights, kept so the limit means what it meant. */
const OBJECT = 2;
const SCALAR = 1;
const PER_LEVEL = 1.5;

/**
 * What an operation is estimated to cost: objects 2, scalars 1, ×1.5 per
 * level of nesting, and a list with a `first` argument × the number of items
 * it will actually return. That number is the argument as the resolver will
 * see it: a literal, a variable's value, the variable's default, or the
 * argument's schema default. graphql-armor's rule only read literals, so
 * `first: $n` cost one item whatever $n was. Fragments count as the fields
 * they bring into the object they are spread in.
 *
 * Returns null when the variables do not fit the operation: execution then
 * refuses it before any resolver runs.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): number | null {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return null;
  const values = coerced.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  // Validation has refused fragment cycles; the memo keeps a fragment spread many times cheap to price.
  const priced = new Map<string, number>();

  const selections = (set: SelectionSetNode, type: GraphQLNamedType | undefined): number => {
    let cost = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.INLINE_FRAGMENT) {
        cost += selections(s.selectionSet, s.typeCondition ? schema.getType(s.typeCondition.name.value) : type);
      } else if (s.kind === Kind.FRAGMENT_SPREAD) {
        const name = s.name.value;
        if (!priced.has(name)) {
          const f = fragments.get(name);
          priced.set(name, f ? selections(f.selectionSet, schema.getType(f.typeCondition.name.value)) : 0);
        }
        cost += priced.get(name)!;
      } else {
        // Introspection does not touch the store.
        if (s.name.value === '__schema' || s.name.value === '__type') continue;
        const def = type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[s.name.value] : undefined;
        if (!s.selectionSet) {
          cost += SCALAR;
          continue;
        }
        const inner = OBJECT + PER_LEVEL * selections(s.selectionSet, def ? getNamedType(def.type) : undefined);
        cost += inner * (def ? items(argumentsOf(def, s, values), def.args) : 1);
      }
    }
    return cost;
  };

  const root = schema.getRootType(operation.operation) ?? undefined;
  return Math.ceil(selections(operation.selectionSet, root));
}

/** The field's arguments as its resolver gets them; {} if they do not coerce (execution refuses the field then). */
function argumentsOf(...args: Parameters<typeof getArgumentValues>): Record<string, unknown> {
  try {
    return getArgumentValues(...args);
  } catch {
    return {};
  }
}

/**
 * How many items a list field returns at most: its `first`, or its schema
 * default when given null or nothing (the resolvers read null as "the default"). Lists
 * without one count once, as in armor: their size is the data's, not the
 * caller's (a document's sections).
 */
function items(args: Record<string, unknown>, defs: ReadonlyArray<{ name: string; defaultValue: unknown }>): number {
  const def = defs.find((a) => a.name === 'first');
  if (!def) return 1;
  const n = typeof args.first === 'number' ? args.first : def.defaultValue;
  return typeof n === 'number' && n > 1 ? n : 1;
}

/**
 * The cost limit, checked once the operation and its variables are known
 * (validation rules never see variables). It refuses like the validation
 * limits do: 400 and GRAPHQL_VALIDATION_FAILED, the limit in the message.
 */
export function costLimit(maxCost: number): ApolloServerPlugin {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ schema, document, operation, request }) => {
        if (!operation) return;
        const cost = operationCost(schema, document, operation, request.variables);
        if (cost === null || cost <= maxCost) return;
        throw new GraphQLError(
          `Cost limit of ${maxCost} exceeded, found ${cost}: ask for fewer items per list (first) or fewer nested lists.`,
          { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } },
        );
      },
    }),
  };
}
