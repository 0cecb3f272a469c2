import type { ApolloServerPlugin } from '@apollo/server';
import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  GraphQLError,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { MAX_PAGE } from '../resolvers/inputs.ts';

/**
 * How many items a list is priced at when nothing says (no `first`, no
 * @listSize in schema.graphql): a document's top sections, a commitment's
 * evidence. Their length is the data's, not the caller's.
 */
export const DEFAULT_LIST_SIZE = 10;

/** What schema.graphql says of one field's price: @cost(weight) and @listSize(assumedSize). */
interface FieldPrice {
  /** Per item: an object built or a row read. Default 1 for objects, 0 for scalars and enums. */
  readonly weight: number;
  /** Items of a list without `first`. */
  readonly assumedSize: number;
}

const prices = new WeakMap<GraphQLField<unknown, unknown>, FieldPrice>();

function directiveInt(field: GraphQLField<unknown, unknown>, directive: string, argument: string): number | undefined {
  const d = field.astNode?.directives?.find((x) => x.name.value === directive);
  const a = d?.arguments?.find((x) => x.name.value === argument);
  return a?.value.kind === Kind.INT ? Number(a.value.value) : undefined;
}

function priceOf(field: GraphQLField<unknown, unknown>): FieldPrice {
  let p = prices.get(field);
  if (!p) {
    const composite = isCompositeType(getNamedType(field.type));
    p = {
      weight: directiveInt(field, 'cost', 'weight') ?? (composite ? 1 : 0),
      assumedSize: directiveInt(field, 'listSize', 'assumedSize') ?? DEFAULT_LIST_SIZE,
    };
    prices.set(field, p);
  }
  return p;
}

const isList = (type: GraphQLOutputType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

/**
 * What an operation will make the server do, roughly in rows read from the
 * store and objects built: each field costs its weight per item, times the
 * items it has. A scalar of a node already fetched costs nothing (the row
 * holds it); an object resolved through a loader costs 1 per parent item
 * (its row); a list costs its items, each priced with everything asked of
 * it. Fields made from their parent's row (source, pageInfo, reporting) cost
 * nothing but what is asked inside them: schema.graphql marks them
 * @cost(weight: 0).
 *
 * Items: a field's `first` (a literal, a variable's value, the variable's
 * default, or the schema's default: what the resolver will see), applied to
 * the connection's `nodes`, or to the list itself; a list without `first`
 * counts @listSize(assumedSize) or DEFAULT_LIST_SIZE items. `pageCap`, when
 * given, holds every `first` to at most that many: the cost the same query
 * would have with smaller pages. Fragments count as the fields they bring
 * into the object they are spread in.
 *
 * Returns null when the variables do not fit the operation: execution then
 * refuses it before any resolver runs.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  pageCap = Infinity,
): number | null {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return null;
  const values = coerced.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  // Validation has refused fragment cycles; the memo keeps a fragment spread many times cheap to price.
  // A spread's price depends on the page its `nodes` get, so the memo is by both.
  const priced = new Map<string, number>();

  /** The price of one item of `type` with this selection; `nodes`, when set, is the page of the connection's nodes. */
  const selections = (set: SelectionSetNode, type: GraphQLNamedType | undefined, nodes: number | null): number => {
    let cost = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.INLINE_FRAGMENT) {
        cost += selections(s.selectionSet, s.typeCondition ? schema.getType(s.typeCondition.name.value) : type, nodes);
      } else if (s.kind === Kind.FRAGMENT_SPREAD) {
        const key = `${s.name.value}\u0000${nodes}`;
        if (!priced.has(key)) {
          const f = fragments.get(s.name.value);
          priced.set(key, f ? selections(f.selectionSet, schema.getType(f.typeCondition.name.value), nodes) : 0);
        }
        cost += priced.get(key)!;
      } else {
        // Introspection does not touch the store.
        if (s.name.value === '__schema' || s.name.value === '__type' || s.name.value === '__typename') continue;
        const def = type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[s.name.value] : undefined;
        if (!def) continue; // validation refuses an unknown field before this matters
        const { weight, assumedSize } = priceOf(def);
        const page = pageOf(def, argumentsOf(def, s, values), pageCap);
        const inner = getNamedType(def.type);
        // A connection's `first` sizes its nodes; a list's sizes the list.
        const connection = page !== null && !isList(def.type) && isObjectType(inner) && 'nodes' in inner.getFields();
        // A list of scalars (a document's years) comes whole with its row: one value, not items.
        const items = !isList(def.type) || !isCompositeType(inner) ? 1 : (page ?? assumedSize);
        const count = s.name.value === 'nodes' && nodes !== null ? nodes : items;
        const each = weight + (s.selectionSet ? selections(s.selectionSet, inner, connection ? page : null) : 0);
        cost += count * each;
      }
    }
    return cost;
  };

  const root = schema.getRootType(operation.operation) ?? undefined;
  return Math.ceil(selections(operation.selectionSet, root, null));
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
 * The page a field with a `first` argument returns at most: `first`, or its
 * schema default when given null or nothing (the resolvers read null as "the
 * default"), held to `cap`. Null for fields without `first`.
 */
function pageOf(def: GraphQLField<unknown, unknown>, args: Record<string, unknown>, cap: number): number | null {
  const first = def.args.find((a) => a.name === 'first');
  if (!first) return null;
  const n = typeof args.first === 'number' ? args.first : first.defaultValue;
  return Math.min(typeof n === 'number' && n > 0 ? n : 0, cap);
}

/**
 * The largest page (every `first` held to it) at which the operation fits
 * under `maxCost`; null when even one item per page does not (the nested
 * lists without `first` are what costs). The cost only grows with the page,
 * so a binary search over 1…MAX_PAGE finds it.
 */
export function largestPage(price: (pageCap: number) => number | null, maxCost: number): number | null {
  const fits = (n: number) => (price(n) ?? Infinity) <= maxCost;
  if (!fits(1)) return null;
  let lo = 1;
  let hi = MAX_PAGE;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const count = (n: number): string => n.toLocaleString('en-US');

/** The refusal of an operation over the limit: its cost, the limit, and what page would fit. */
export function costLimitError(cost: number, maxCost: number, maxPageSize: number | null): GraphQLError {
  const advice =
    maxPageSize === null
      ? 'no page size brings it under: ask for fewer nested lists (a list without `first` is priced at its usual length).'
      : `at most ${maxPageSize} per page for this query (first: ${maxPageSize}), or ask for fewer nested lists.`;
  return new GraphQLError(`This query costs ${count(cost)}, over the limit of ${count(maxCost)}: ${advice}`, {
    extensions: { code: 'COST_LIMIT', cost, maxCost, maxPageSize, http: { status: 400 } },
  });
}

/**
 * The cost limit, checked once the operation and its variables are known
 * (validation rules never see variables). A refusal has its own code,
 * COST_LIMIT, with HTTP 400: the query is well formed and valid, only too
 * big, and the message says how large a page would fit.
 */
export function costLimit(maxCost: number): ApolloServerPlugin {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ schema, document, operation, request }) => {
        if (!operation) return;
        const price = (pageCap?: number) => operationCost(schema, document, operation, request.variables, pageCap);
        const cost = price();
        if (cost === null || cost <= maxCost) return;
        throw costLimitError(cost, maxCost, largestPage(price, maxCost));
      },
    }),
  };
}
