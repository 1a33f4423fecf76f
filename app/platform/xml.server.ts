import { XMLParser, type X2jOptions } from "fast-xml-parser";

/**
 * The one way the portal reads XML (ASVS 5.5.2): the answers of Skatteverket's Navet and the SAML
 * messages of staff identity providers (whose signatures node-saml checks on its own DOM). A
 * document type declaration is refused before any parsing, so no entity of any kind (external or
 * a "billion laughs" expansion) is ever defined; only XML's five predefined entities are decoded.
 */
export class XmlRefusedError extends Error {}

const MAX_XML_BYTES = 2 * 1024 * 1024;

export function xmlReader(options: X2jOptions): (xml: string) => unknown {
  const parser = new XMLParser({ ...options, processEntities: true });
  return (xml: string) => {
    if (xml.length > MAX_XML_BYTES) throw new XmlRefusedError("XML larger than 2 MB");
    const upper = xml.toUpperCase();
    if (upper.includes("<!DOCTYPE") || upper.includes("<!ENTITY"))
      throw new XmlRefusedError("XML with a document type declaration is refused");
    return parser.parse(xml, true) as unknown;
  };
}
