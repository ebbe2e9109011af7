import { catalogEntities, type CatalogEntity } from '../catalog/entities';
import type { LineIndex } from '../text/lineIndex';
import type { ParseProblem } from './problem';
import { readYaml, type YamlFile } from './yamlDocuments';

/** A Backstage catalog file: YAML documents, those with `apiVersion: backstage.io/…` read as entities. */
export interface CatalogDocument {
  kind: 'catalog';
  uri: string;
  text: string;
  lines: LineIndex;
  yaml: YamlFile;
  entities: CatalogEntity[];
  problems: ParseProblem[];
}

export function parseCatalog(uri: string, text: string): CatalogDocument {
  const yaml = readYaml(uri, text);
  const problems: ParseProblem[] = yaml.problems.map((p) => ({ ruleId: 'yaml-syntax', span: p.span, message: p.message }));
  return { kind: 'catalog', uri, text, lines: yaml.lines, yaml, entities: catalogEntities(yaml), problems };
}
