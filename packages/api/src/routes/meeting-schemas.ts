import { Type, type Static, type TSchema } from 'typebox';
import {
  ACTION_ITEM_STATUSES,
  AGENDA_ITEM_KINDS,
  MEETING_STATUSES,
  OFFENSE_CATEGORY_CODES,
  type OffenseCategory,
} from '@vigia/domain';
import { IsoWeekText, LocalDate } from '../app/schemas.js';

/** JSON schemas of the meeting and action item routes (see meeting-routes.ts). */

const Nullable = <T extends TSchema>(t: T) => Type.Unsafe<Static<T> | null>({ ...t, nullable: true });
const literals = <T extends readonly string[]>(values: T, description: string) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], description });

export const ActionItemStatus = literals(
  ACTION_ITEM_STATUSES,
  'open → in_progress → done, or dropped (no longer pursued)',
);
export const MeetingStatus = literals(MEETING_STATUSES, 'open while held, closed once final');
const AgendaKind = literals(AGENDA_ITEM_KINDS, 'Why the item is on the agenda (docs/meetings.md)');
const ItemCategory = Type.Unsafe<OffenseCategory | '*' | null>({
  type: 'string',
  enum: [...OFFENSE_CATEGORY_CODES, '*'],
  nullable: true,
  description: 'Offense category; "*" = all categories; null = none',
});
const Json = Type.Unknown({ description: 'JSON value (shape per kind: docs/meetings.md)' });
const Instant = Type.String({ description: 'UTC instant, ISO 8601' });

const UnitRef = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  level: Type.String(),
});

export const Owner = Type.Object(
  {
    name: Nullable(Type.String({ maxLength: 200 })),
    userId: Nullable(Type.Integer({ minimum: 1 })),
  },
  {
    additionalProperties: false,
    description: 'Free-text name and optional user id; both null = the unit’s commander (the default)',
  },
);

export const MeetingSummary = Type.Object({
  id: Type.Integer(),
  week: IsoWeekText,
  title: Type.String(),
  status: MeetingStatus,
  units: Type.Array(UnitRef, { description: 'The meeting’s units you may see, in agenda order' }),
  createdBy: Type.String(),
  createdAt: Instant,
  version: Type.Integer({ description: 'Send it back with PATCH (409 when stale)' }),
});

export const AgendaItem = Type.Object({
  id: Type.Integer(),
  position: Type.Integer(),
  unitId: Type.Integer(),
  unit: Type.String({ description: 'Unit code' }),
  kind: AgendaKind,
  category: ItemCategory,
  figures: Json,
  notes: Type.String(),
  notesBy: Nullable(Type.String()),
  notesAt: Nullable(Instant),
});

export const ActionItem = Type.Object({
  id: Type.Integer(),
  meetingId: Type.Integer({ description: 'Meeting that created it' }),
  agendaItemId: Nullable(Type.Integer()),
  unitId: Type.Integer(),
  unit: Type.String({ description: 'Unit code' }),
  unitName: Type.String(),
  category: ItemCategory,
  title: Type.String(),
  owner: Owner,
  dueDate: Nullable(LocalDate),
  status: ActionItemStatus,
  overdue: Type.Boolean({ description: 'Open or in progress, due before today (agency time zone)' }),
  notes: Type.String(),
  baseline: Json,
  createdBy: Type.String(),
  createdAt: Instant,
  updatedAt: Instant,
  statusChangedAt: Instant,
  version: Type.Integer({ description: 'Send it back with PATCH (409 when stale)' }),
});

export const ActionItemChange = Type.Object({
  seq: Type.Integer(),
  at: Instant,
  actor: Type.String(),
  field: Type.String({ description: 'created, title, status, owner, dueDate or notes' }),
  before: Json,
  after: Json,
});

export const MeetingDetail = Type.Object({
  ...MeetingSummary.properties,
  agenda: Type.Array(AgendaItem),
  actionItems: Type.Array(ActionItem, { description: 'Action items created in this meeting' }),
});

export const ActionItemDetail = Type.Object({
  ...ActionItem.properties,
  history: Type.Array(ActionItemChange),
});

export const ActionItemList = Type.Object({
  today: LocalDate,
  items: Type.Array(ActionItem),
});

export const NewMeetingBody = Type.Object(
  {
    week: IsoWeekText,
    units: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 50 }), {
        maxItems: 500,
        description: 'Unit codes, in agenda order (default: every top-level unit)',
      }),
    ),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const MeetingChangesBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    status: Type.Optional(MeetingStatus),
  },
  { additionalProperties: false },
);

export const NotesBody = Type.Object(
  { notes: Type.String({ maxLength: 10_000 }) },
  { additionalProperties: false },
);

const DueDate = Nullable(
  Type.String({
    pattern: '^(\\d{4}-\\d{2}-\\d{2})?$',
    description: 'Local date YYYY-MM-DD; "" or null = none',
  }),
);

export const NewActionItemBody = Type.Object(
  {
    unit: Type.String({ minLength: 1, maxLength: 50, description: 'Unit code: a meeting unit or below' }),
    agendaItemId: Type.Optional(Nullable(Type.Integer())),
    category: Type.Optional(ItemCategory),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    owner: Type.Optional(Owner),
    dueDate: Type.Optional(DueDate),
    notes: Type.Optional(Type.String({ maxLength: 10_000 })),
  },
  { additionalProperties: false },
);

export const ActionItemChangesBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'The version you read' })),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    status: Type.Optional(ActionItemStatus),
    owner: Type.Optional(Owner),
    dueDate: Type.Optional(DueDate),
    notes: Type.Optional(Type.String({ maxLength: 10_000 })),
  },
  { additionalProperties: false },
);
