# Validation accuracy of every strategy, written by compare-inits.
# Re-render with `gnuplot accuracy.gp` in this folder; the table below is the data (the same
# as accuracy.dat): strategy id, mean accuracy (%), standard deviation over seeds (%), text above,
# mean test accuracy (%, ? without a test set), spread text.
$accuracy << EOD
normal-1 26.683 0.000 "26.68%" 26.930 ""
normal-0.01 15.342 0.000 "15.34%" 15.430 ""
xavier 85.342 0.000 "85.34%" 84.730 ""
kaiming 85.450 0.000 "85.45%" 84.580 ""
orthogonal 84.633 0.000 "84.63%" 83.800 ""
default 83.008 0.000 "83.01%" 82.240 ""
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
set title 'An 8-hidden-layer tanh network of 256 units, trained with Adam (Glorot &'."\n".'Bengio'."'".'s setting): validation accuracy (one seed; diamonds: test accuracy)'
set ylabel 'Accuracy (%)'
set yrange [0:105]
set xrange [-0.6:5.6]
set style fill solid 0.75 border -1
set boxwidth 0.6
set grid ytics
set xtics scale 0 ('N(0, 1)' 0, 'N(0, 0.01)' 1, 'Xavier uniform' 2, 'Kaiming uniform'."\n".'(tanh gain)' 3, 'Orthogonal (tanh'."\n".'gain)' 4, 'PyTorch default' 5)
set bmargin 7
set datafile missing '?'
set key outside below center horizontal height 1
plot $accuracy using 0:2 with boxes linecolor rgb '#0072B2' title 'validation accuracy', \
     $accuracy using 0:($2 + $3):4 with labels offset 0,0.9 font ',11' notitle, \
     $accuracy using 0:5 with points pointtype 13 pointsize 2 linecolor rgb '#D55E00' title 'test accuracy'
