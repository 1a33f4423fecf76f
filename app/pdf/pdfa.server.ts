import { randomBytes } from "node:crypto";
import { PDFHexString, PDFName, PDFString, type PDFDocument } from "pdf-lib";

/**
 * PDF/A-2b for archive packages (docs/decisions/059). pdf-lib draws the pages with embedded
 * DejaVu fonts (document.server.ts); this module adds what PDF/A asks beyond that: an
 * OutputIntent with an sRGB ICC profile, XMP metadata that names the part and conformance and
 * repeats the document information, and a file identifier in the trailer.
 */

function s15Fixed16(value: number): number {
  return Math.round(value * 65536) | 0;
}

/**
 * A minimal ICC v2 display profile for sRGB, computed here rather than copied in: the sRGB
 * primaries of IEC 61966-2-1 adapted to the D50 connection space (Bradford), as published in
 * the specification's own profile, and the sRGB transfer curve sampled at 1024 points. Being
 * arithmetic over public figures it carries no third-party licence.
 */
function srgbIccProfile(): Buffer {
  const curvePoints = 1024;
  const curve = Buffer.alloc(12 + curvePoints * 2);
  curve.write("curv", 0, "ascii");
  curve.writeUInt32BE(curvePoints, 8);
  for (let i = 0; i < curvePoints; i++) {
    const v = i / (curvePoints - 1);
    const linear = v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    curve.writeUInt16BE(Math.round(linear * 65535), 12 + i * 2);
  }
  const xyz = (x: number, y: number, z: number) => {
    const b = Buffer.alloc(20);
    b.write("XYZ ", 0, "ascii");
    b.writeInt32BE(s15Fixed16(x), 8);
    b.writeInt32BE(s15Fixed16(y), 12);
    b.writeInt32BE(s15Fixed16(z), 16);
    return b;
  };
  const description = "sRGB IEC61966-2.1 (Dalsland portal)";
  const desc = Buffer.alloc(12 + description.length + 1 + 4 + 4 + 2 + 1 + 67);
  desc.write("desc", 0, "ascii");
  desc.writeUInt32BE(description.length + 1, 8);
  desc.write(description, 12, "ascii");
  const copyright = "No copyright, use freely";
  const cprt = Buffer.alloc(8 + copyright.length + 1);
  cprt.write("text", 0, "ascii");
  cprt.write(copyright, 8, "ascii");

  const tags: [string, Buffer][] = [
    ["desc", desc],
    ["cprt", cprt],
    ["wtpt", xyz(0.9642, 1.0, 0.8249)],
    ["rXYZ", xyz(0.4361, 0.2225, 0.0139)],
    ["gXYZ", xyz(0.3851, 0.7169, 0.0971)],
    ["bXYZ", xyz(0.1431, 0.0606, 0.7141)],
    ["rTRC", curve],
    ["gTRC", curve],
    ["bTRC", curve],
  ];
  const pad = (n: number) => (n + 3) & ~3;
  const tableSize = 4 + tags.length * 12;
  let offset = 128 + tableSize;
  const table = Buffer.alloc(tableSize);
  table.writeUInt32BE(tags.length, 0);
  const bodies: Buffer[] = [];
  const placed = new Map<Buffer, number>();
  tags.forEach(([sig, data], i) => {
    // The three curves are one tag body, shared as the ICC specification allows.
    let at = placed.get(data);
    if (at === undefined) {
      at = offset;
      placed.set(data, at);
      const padded = Buffer.alloc(pad(data.length));
      data.copy(padded);
      bodies.push(padded);
      offset += padded.length;
    }
    table.write(sig, 4 + i * 12, "ascii");
    table.writeUInt32BE(at, 8 + i * 12);
    table.writeUInt32BE(data.length, 12 + i * 12);
  });
  const header = Buffer.alloc(128);
  header.writeUInt32BE(offset, 0);
  header.writeUInt32BE(0x02100000, 8);
  header.write("mntr", 12, "ascii");
  header.write("RGB ", 16, "ascii");
  header.write("XYZ ", 20, "ascii");
  [2026, 1, 1, 0, 0, 0].forEach((v, i) => header.writeUInt16BE(v, 24 + i * 2));
  header.write("acsp", 36, "ascii");
  header.writeInt32BE(s15Fixed16(0.9642), 68);
  header.writeInt32BE(s15Fixed16(1.0), 72);
  header.writeInt32BE(s15Fixed16(0.8249), 76);
  return Buffer.concat([header, table, ...bodies]);
}

let profile: Buffer | undefined;

function xmlEscape(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

/** ISO 8601 without milliseconds, as XMP dates are compared with the Info dictionary's. */
function xmpDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

interface PdfaInfo {
  title: string;
  subject: string;
  author: string;
  creator: string;
  producer: string;
  language: string;
  date: Date;
}

/** Makes `doc` a PDF/A-2b document; call it last, just before `save()`. */
export function makePdfA2b(doc: PDFDocument, info: PdfaInfo): void {
  profile ??= srgbIccProfile();
  const context = doc.context;
  doc.setTitle(info.title);
  doc.setSubject(info.subject);
  doc.setAuthor(info.author);
  doc.setCreator(info.creator);
  doc.setProducer(info.producer);
  doc.setLanguage(info.language);
  doc.setCreationDate(info.date);
  doc.setModificationDate(info.date);

  const iccStream = context.stream(profile, { N: 3 });
  const outputIntent = context.obj({
    Type: "OutputIntent",
    S: "GTS_PDFA1",
    OutputConditionIdentifier: PDFString.of("sRGB IEC61966-2.1"),
    Info: PDFString.of("sRGB IEC61966-2.1"),
    DestOutputProfile: context.register(iccStream),
  });
  doc.catalog.set(PDFName.of("OutputIntents"), context.obj([context.register(outputIntent)]));

  const date = xmpDate(info.date);
  const xmp = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(info.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(info.subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:creator><rdf:Seq><rdf:li>${xmlEscape(info.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:language><rdf:Bag><rdf:li>${xmlEscape(info.language)}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreatorTool>${xmlEscape(info.creator)}</xmp:CreatorTool>
   <xmp:CreateDate>${date}</xmp:CreateDate>
   <xmp:ModifyDate>${date}</xmp:ModifyDate>
   <xmp:MetadataDate>${date}</xmp:MetadataDate>
   <pdf:Producer>${xmlEscape(info.producer)}</pdf:Producer>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
  // Metadata must stay uncompressed so that archive tools can read it without a PDF parser.
  const metadata = context.stream(Buffer.from(xmp, "utf8"), { Type: "Metadata", Subtype: "XML" });
  doc.catalog.set(PDFName.of("Metadata"), context.register(metadata));

  const id = PDFHexString.of(randomBytes(16).toString("hex"));
  context.trailerInfo.ID = context.obj([id, id]);
}
