# Validation accuracy of every strategy, written by compare-inits.
# Re-render with `gnuplot accuracy.gp` in this folder; the table below is the data (the same
# as accuracy.dat): strategy id, mean accuracy (%), standard deviation over seeds (%), text above,
# mean test accuracy (%, ? without a test set), spread text.
$accuracy << EOD
zeros 9.542 0.000 "9.54%" 10.000 ""
ones 9.808 0.000 "9.81%" 10.000 ""
uniform 44.808 0.000 "44.81%" 44.130 ""
centered 81.017 0.000 "81.02%" 80.540 ""
rule 85.867 0.000 "85.87%" 85.040 ""
normal 85.367 0.000 "85.37%" 84.580 ""
default 85.567 0.000 "85.57%" 84.550 ""
EOD
reset
set terminal pngcairo size 960,600 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'accuracy.png'
set title 'Weight initialization on Fashion-MNIST (the PyTorch lesson):'."\n".'validation accuracy (one seed; diamonds: test accuracy)'
set ylabel 'Accuracy (%)'
set yrange [0:105]
set xrange [-0.6:6.6]
set style fill solid 0.75 border -1
set boxwidth 0.6
set grid ytics
set xtics scale 0 ('All Zeros' 0, 'All Ones' 1, 'Uniform [0, 1)' 2, 'Centered'."\n".'[-0.5, 0.5)' 3, 'General Rule'."\n".'[-y, y)' 4, 'Normal N(0, y)' 5, 'PyTorch'."\n".'default' 6)
set bmargin 7
set datafile missing '?'
set key outside below center horizontal height 1
plot $accuracy using 0:2 with boxes linecolor rgb '#0072B2' title 'validation accuracy', \
     $accuracy using 0:($2 + $3):4 with labels offset 0,0.9 font ',9' notitle, \
     $accuracy using 0:5 with points pointtype 13 pointsize 2 linecolor rgb '#D55E00' title 'test accuracy'
