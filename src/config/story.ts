// A story: ordered steps that walk a reader through the map, each with a title, a text and
// the map state it shows, optionally as a before/after pair. The text syntax is
// story-text.ts's (paragraphs, *emphasis*, [links](https://…)); the citizen view renders it.
import { z } from 'zod';
import { LocalizedText } from './localized-text';
import { MapState } from './view';

/** Story text: per language like any text, in the story-text syntax. */
export const StoryText = LocalizedText.describe(
  'Plain text: paragraphs separated by a blank line, *emphasis* and [links](https://…), nothing else. Shown as text, never as HTML. A text, or texts by language.',
);

/** One side of a before/after pair: a map state with a label. */
export const CompareSide = MapState.extend({ label: LocalizedText.optional().describe('What this side shows, such as "2019".') }).describe(
  'One side of a before/after pair.',
);
export type CompareSide = z.infer<typeof CompareSide>;

/** One step of a story. */
export const StoryStep = z
  .object({
    id: z.string().min(1).optional().describe('Stable id of the step, unique in its story.'),
    title: LocalizedText,
    text: StoryText,
    map: MapState.optional().describe('What the map shows at this step.'),
    beforeAfter: z
      .object({ before: CompareSide, after: CompareSide })
      .optional()
      .describe("Two map states to compare side by side at this step, each over its own time window; the step's map gives the view, and a compare layer among its layers the worded summary."),
  })
  .describe('A story step: title, text and map state.');
export type StoryStep = z.infer<typeof StoryStep>;

/** A story: its steps in order. */
export const Story = z
  .object({
    id: z.string().min(1).describe('Stable id of the story.'),
    title: LocalizedText,
    description: LocalizedText.optional(),
    steps: z.array(StoryStep).min(1).describe('The steps, in reading order.'),
  })
  .describe('A story: ordered steps over the map.');
export type Story = z.infer<typeof Story>;
