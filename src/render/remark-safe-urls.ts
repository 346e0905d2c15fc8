// Links and images written in Markdown (a Markdown-era entry, a hand-written post) go only where
// a reader can safely be sent: a link with another scheme than http, https, ftp or mailto
// (`javascript:`, `data:`, `vbscript:`) becomes its text, and an image on another site becomes a
// link to it with its description as the text — the site's policy (`default-src 'self'`) would
// not load it, and a page that loads nothing from elsewhere tells no one who reads it.
import type { Definition, Link, Nodes, PhrasingContent, Root, Text } from "mdast";
import { isRemoteUrl, isSafeHref } from "../log/urls.ts";

export interface SafeUrlOptions {
  /** Keep images on this site (a post's own `img/ring.png`, published beside it); otherwise every image is a link. */
  localImages?: boolean;
}

export default function remarkSafeUrls(options: SafeUrlOptions = {}) {
  return (tree: Root): void => {
    const definitions = new Map<string, Definition>();
    collectDefinitions(tree, definitions);
    rewrite(tree, definitions, options.localImages === true);
  };
}

function collectDefinitions(node: Nodes, definitions: Map<string, Definition>): void {
  if (node.type === "definition") {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
    // A reference to it links only when its URL is safe.
    if (!isSafeHref(node.url)) node.url = "";
    return;
  }
  if ("children" in node) for (const child of node.children) collectDefinitions(child, definitions);
}

function rewrite(node: Nodes, definitions: Map<string, Definition>, localImages: boolean): void {
  if (!("children" in node)) return;
  const children = node.children as Nodes[];
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    const replaced = replacement(child, definitions, localImages);
    if (replaced !== null) {
      children.splice(index, 1, ...replaced);
      index += replaced.length - 1;
      continue;
    }
    rewrite(child, definitions, localImages);
  }
}

function replacement(node: Nodes, definitions: Map<string, Definition>, localImages: boolean): PhrasingContent[] | null {
  if (node.type === "link" && !isSafeHref(node.url)) return node.children;
  if (node.type === "image") return imageAsLink(node.url, node.alt ?? "", node.title ?? null, localImages);
  if (node.type === "imageReference") {
    const url = definitions.get(node.identifier)?.url ?? "";
    return imageAsLink(url, node.alt ?? "", definitions.get(node.identifier)?.title ?? null, localImages, node);
  }
  return null;
}

function imageAsLink(url: string, alt: string, title: string | null, localImages: boolean, keep: PhrasingContent | null = null): PhrasingContent[] | null {
  if (localImages && url !== "" && !isRemoteUrl(url) && isSafeHref(url)) return keep === null ? null : [keep];
  const text: Text = { type: "text", value: alt || url };
  if (url === "" || !isSafeHref(url)) return [text];
  const link: Link = { type: "link", url, title, children: [text], data: { hProperties: { className: ["image-link"] } } };
  return [link];
}
