// Command genencodings writes the legacy-encoding files of the sample
// archive (examples/archive/encodings/) from UTF-8 text, so that the bytes in
// the repository can be regenerated and checked. Run from the repository
// root: go run ./examples/genencodings
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

type sample struct {
	name string
	enc  encoding.Encoding // nil means UTF-16LE with BOM and CRLF
	text string
}

var samples = []sample{
	{"gbk-zh.txt", simplifiedchinese.GBK, `高铁新线开通 两地通勤缩短到四十分钟
新建高速铁路今天正式开通运营，两座城市之间的通勤时间从两小时缩短到四十分钟。
首趟列车早上七点准时发车，车票在开售后十分钟内售罄。铁路部门表示，将根据客流情况增开班次。
`},
	{"big5-zh.txt", traditionalchinese.Big5, `夜市攤商迎來觀光人潮 營業額創新高
連續假期期間，各地夜市湧入大批觀光客，不少攤商表示營業額創下新高。
市政府提醒民眾注意食品衛生，並鼓勵使用大眾運輸工具前往。
`},
	{"sjis-ja.txt", japanese.ShiftJIS, `桜の開花、全国で平年より早く
気象庁によると、今年は全国的に桜の開花が平年より五日ほど早くなっています。
東京では三月二十日に開花が発表され、週末には多くの花見客でにぎわいました。
`},
	{"euckr-ko.txt", korean.EUCKR, `서울 지하철 요금 내달부터 인상
서울시는 다음 달부터 지하철 기본요금을 150원 인상한다고 밝혔다.
시는 운영 적자를 줄이기 위해 불가피한 결정이라고 설명했다.
`},
	{"cp1252-en.txt", charmap.Windows1252, `Café owners welcome lower energy prices
Owners of small cafés say the fall in energy prices has saved them up to £300 a month.
“It makes the difference between closing and staying open,” said one owner in the town centre.
`},
	{"utf16-vi.txt", nil, `Giá xăng giảm lần thứ ba liên tiếp
Giá xăng trong nước giảm lần thứ ba liên tiếp từ chiều nay, theo thông báo của cơ quan quản lý.
Người dân và doanh nghiệp vận tải được hưởng lợi từ đợt điều chỉnh này.
`},
}

func main() {
	dir := filepath.Join("examples", "archive", "encodings")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, s := range samples {
		data, err := encode(s)
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, s.name), data, 0o644)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", s.name, err)
			os.Exit(1)
		}
	}
}

func encode(s sample) ([]byte, error) {
	if s.enc != nil {
		return s.enc.NewEncoder().Bytes([]byte(s.text))
	}
	units := utf16.Encode([]rune(strings.ReplaceAll(s.text, "\n", "\r\n")))
	out := []byte{0xFF, 0xFE}
	for _, u := range units {
		out = append(out, byte(u), byte(u>>8))
	}
	return out, nil
}
