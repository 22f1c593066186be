// A story text as React elements: paragraphs, emphasis and https links, from the parsed
// tree (src/config/story-text.ts). Only text nodes are ever made, never HTML.
import type { InlineNode, EmphasisNode, TextNode } from '../../config/story-text';
import { parseStoryText } from '../../config/story-text';

function Inline({ node }: { node: InlineNode | TextNode | EmphasisNode }) {
  if (node.type === 'text') return <>{node.text}</>;
  if (node.type === 'emphasis') return <em>{node.children.map((c, i) => <Inline key={i} node={c} />)}</em>;
  return (
    <a href={node.href} target="_blank" rel="noopener noreferrer">
      {node.children.map((c, i) => <Inline key={i} node={c} />)}
    </a>
  );
}

export function StoryText({ text }: { text: string }) {
  const { paragraphs } = parseStoryText(text);
  return (
    <>
      {paragraphs.map((p, i) => (
        <p key={i}>{p.children.map((c, k) => <Inline key={k} node={c} />)}</p>
      ))}
    </>
  );
}
