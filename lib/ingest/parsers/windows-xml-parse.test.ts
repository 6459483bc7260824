import { describe, expect, it } from "vitest";
import { decodeEntities, localName, parseXmlElement, type XmlElement } from "./windows-xml-parse";

const child = (el: XmlElement, i: number) => el.children[i] as XmlElement;

describe("parseXmlElement", () => {
  it("reads elements, attributes in either quote, self-closing tags and text in order", () => {
    const el = parseXmlElement(`<Event xmlns='urn:x'><System><Provider Name="P" Guid='{G}'/><EventID>4624</EventID></System></Event>`);
    expect(el.name).toBe("Event");
    expect(el.attrs).toEqual({ xmlns: "urn:x" });
    const system = child(el, 0);
    expect(child(system, 0)).toEqual({ name: "Provider", attrs: { Name: "P", Guid: "{G}" }, children: [] });
    expect(child(system, 1).children).toEqual(["4624"]);
  });

  it("decodes entities and character references in text and attributes, and keeps CDATA verbatim", () => {
    const el = parseXmlElement(`<D a="x &amp; &quot;y&quot;">&lt;a&gt; &apos;b&apos; &#65;&#x42;&#xD;&#xA;<![CDATA[<raw> & more]]></D>`);
    expect(el.attrs.a).toBe('x & "y"');
    expect(el.children.join("")).toBe("<a> 'b' AB\r\n<raw> & more");
  });

  it("keeps whitespace inside text, and normalises literal whitespace in attribute values only", () => {
    const el = parseXmlElement(`<D a="one\ttwo">%%4416\n\t\t\t\t</D>`);
    expect(el.attrs.a).toBe("one two");
    expect(el.children).toEqual(["%%4416\n\t\t\t\t"]);
  });

  it("skips comments and processing instructions around and inside the element", () => {
    const el = parseXmlElement(`<?xml version="1.0"?>\n<!-- c --><E><!-- inner -->x</E>\n<!-- after -->\n`);
    expect(el.children).toEqual(["x"]);
  });

  it.each([
    ["<E><S></T></E>", "</T> closes <S>"],
    ["<E>a &nbsp; b</E>", 'unknown entity "&nbsp;"'],
    ["<E>fish & chips</E>", '"&" not starting an entity'],
    ['<E a="<">x</E>', "malformed attribute in <E>"],
    ["<E><S>", "<S> is not closed"],
    ["<E/>tail", "text after the element"],
    ["<E/><F/>", "a second element after the first"],
    ['<!DOCTYPE E [<!ENTITY x "y">]><E/>', "DOCTYPE or declaration"],
    ['<E a="1" a="2"/>', 'attribute "a" repeated'],
    ["<E>&#xD800;</E>", "invalid character reference"],
    ["<E><![CDATA[x</E>", "unterminated CDATA section"],
    ["", "no element"],
  ])("refuses %j: %s", (text, message) => {
    expect(() => parseXmlElement(text)).toThrow(message);
  });
});

describe("helpers", () => {
  it("decodeEntities leaves text without & untouched", () => {
    expect(decodeEntities("C:\\Windows\\x.exe")).toBe("C:\\Windows\\x.exe");
  });
  it("localName drops a namespace prefix", () => {
    expect(localName("auto-ns2:Data")).toBe("Data");
    expect(localName("Data")).toBe("Data");
  });
});
